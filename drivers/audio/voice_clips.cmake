# Default Vietnamese clip set: one espeak-ng recording per line of assets/voice/vi/clips.tsv,
# trimmed by kiosk_voice_tool, plus the synthesised chime, written to
# ${PROJECT_BINARY_DIR}/assets/voice/vi/<id>.wav (found by voice_paths.h next to build/bin).
# espeak-ng output is deterministic: the same package version gives byte-identical clips.
find_program(KIOSK_ESPEAK_NG espeak-ng)
if(NOT KIOSK_ESPEAK_NG)
  message(FATAL_ERROR
    "espeak-ng not found: it generates the default voice clips (assets/voice/vi). "
    "Install the Debian package: apt-get install espeak-ng")
endif()

set(KIOSK_VOICE_CLIP_LIST ${PROJECT_SOURCE_DIR}/assets/voice/vi/clips.tsv)
set(KIOSK_VOICE_DIR_VI ${PROJECT_BINARY_DIR}/assets/voice/vi)
set(_raw_dir ${PROJECT_BINARY_DIR}/assets/voice/vi-raw)
file(MAKE_DIRECTORY ${KIOSK_VOICE_DIR_VI} ${_raw_dir})
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KIOSK_VOICE_CLIP_LIST})

set(_voice_outputs ${KIOSK_VOICE_DIR_VI}/chime.wav)
add_custom_command(
  OUTPUT ${KIOSK_VOICE_DIR_VI}/chime.wav
  COMMAND kiosk_voice_tool chime ${KIOSK_VOICE_DIR_VI}/chime.wav
  DEPENDS kiosk_voice_tool
  COMMENT "Synthesising voice clip chime"
  VERBATIM)

file(STRINGS ${KIOSK_VOICE_CLIP_LIST} _clip_lines ENCODING UTF-8)
foreach(_line IN LISTS _clip_lines)
  if(_line MATCHES "^#" OR _line STREQUAL "")
    continue()
  endif()
  if(NOT _line MATCHES "^([a-z0-9_-]+)\t(.+)$")
    message(FATAL_ERROR "${KIOSK_VOICE_CLIP_LIST}: bad line '${_line}' (want id<TAB>text)")
  endif()
  set(_id ${CMAKE_MATCH_1})
  set(_text ${CMAKE_MATCH_2})
  add_custom_command(
    OUTPUT ${KIOSK_VOICE_DIR_VI}/${_id}.wav
    COMMAND ${KIOSK_ESPEAK_NG} -v vi -s 140 -w ${_raw_dir}/${_id}.wav ${_text}
    COMMAND kiosk_voice_tool trim ${_raw_dir}/${_id}.wav ${KIOSK_VOICE_DIR_VI}/${_id}.wav
    DEPENDS kiosk_voice_tool ${KIOSK_VOICE_CLIP_LIST}
    COMMENT "Speaking voice clip ${_id}"
    VERBATIM)
  list(APPEND _voice_outputs ${KIOSK_VOICE_DIR_VI}/${_id}.wav)
endforeach()

add_custom_target(voice_clips_vi ALL DEPENDS ${_voice_outputs})
