# Every dependency comes from Debian 12 packages (see README "Dependencies"); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SDL2 REQUIRED)
find_package(ZXing REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(fmt REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)

# Debian's libimgui.a lacks the SDL_Renderer backend (added upstream in 1.85); compile the
# shipped source ourselves. Its header is installed with the others.
set(KIOSK_IMGUI_BACKEND_SRC /usr/share/doc/libimgui-dev/examples/backends/imgui_impl_sdlrenderer.cpp)
if(NOT EXISTS ${KIOSK_IMGUI_BACKEND_SRC})
  message(FATAL_ERROR "libimgui-dev is missing ${KIOSK_IMGUI_BACKEND_SRC}")
endif()
add_library(imgui_sdlrenderer STATIC ${KIOSK_IMGUI_BACKEND_SRC})
target_include_directories(imgui_sdlrenderer SYSTEM PUBLIC /usr/include/imgui /usr/include/imgui/backends)
target_link_libraries(imgui_sdlrenderer PUBLIC PkgConfig::IMGUI SDL2::SDL2 PkgConfig::FREETYPE)

find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)
find_program(KIOSK_CLANG_FORMAT clang-format)
