#include "announce_command.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "drivers/audio/announcement_player.h"
#include "drivers/audio/clip_library.h"
#include "drivers/audio/clip_sequence.h"
#include "drivers/audio/sdl_audio_output.h"
#include "drivers/audio/voice_paths.h"
#include "drivers/audio/wav_file.h"
#include "kiosk/app/admin_commands.h"
#include "kiosk/core/announcement.h"

namespace kiosk::app {

namespace {

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

// "chime invite* digit-1 …": '*' marks clips taken from the office's own directory.
std::string clip_list(const std::vector<std::string>& ids, const audio::ClipLibrary& library) {
    const std::string& office = library.directories().override_dir;
    std::string text;
    for (const auto& id : ids) {
        if (!text.empty()) text += ' ';
        text += id;
        const std::string path = library.path_of(id);
        if (!office.empty() && !path.empty() && path.rfind(office, 0) == 0) text += '*';
    }
    return text;
}

}  // namespace

int announce_command(const AnnounceCommandOptions& options, std::ostream& out, std::ostream& err) {
    const auto built =
        build_announcement({options.number, options.counter}, {options.reading, options.repeat});
    if (!built.ok()) {
        err << "announce: " << built.error << "\n";
        return kExitBadConfig;
    }
    const Announcement& call = *built.announcement;
    out << call.sentence << "\n";

    std::string default_dir = options.default_clips_dir;
    if (default_dir.empty()) default_dir = audio::find_default_voice_dir();
    if (default_dir.empty() && options.clips_dir.empty()) {
        err << "announce: no voice clips: the default set was not found in "
            << audio::default_voice_dir_candidates() << " and no clips directory is configured\n";
        return kExitFailure;
    }
    try {
        audio::ClipLibrary library({options.clips_dir, default_dir, audio::kVoiceSampleRate});
        out << "clips: " << clip_list(call.clip_ids, library) << "\n";
        if (!options.clips_dir.empty()) {
            out << "(* = office recording from " << options.clips_dir << ")\n";
        }
        std::vector<std::string> wanted;
        for (const auto& id : call.clip_ids) {
            const bool seen = std::find(wanted.begin(), wanted.end(), id) != wanted.end();
            if (id != kPauseClip && !seen) wanted.push_back(id);
        }
        if (const auto missing = library.missing(wanted); !missing.empty()) {
            err << "announce: missing voice clips:";
            for (const auto& id : missing)
                err << " " << id << ".wav";
            err << " (looked in " << (options.clips_dir.empty() ? "" : options.clips_dir + ", ")
                << default_dir << ")\n";
            return kExitFailure;
        }
        const audio::SequenceTiming timing{options.gap_ms, options.pause_ms};
        if (!options.wav_path.empty()) {
            const auto audio = audio::assemble_clips(call.clip_ids, library, timing);
            audio::write_wav(options.wav_path, audio);
            out << "wrote " << options.wav_path << " (" << seconds_text(audio.seconds()) << ", "
                << audio.sample_rate << " Hz mono 16-bit)\n";
            return kExitOk;
        }
        std::unique_ptr<audio::SdlAudioOutput> sdl;
        audio::AudioOutput* output = options.output;
        if (!output) {
            sdl = std::make_unique<audio::SdlAudioOutput>(audio::kVoiceSampleRate,
                                                          options.audio_device);
            output = sdl.get();
        }
        audio::AnnouncementPlayer player(library, *output, {timing, 0});
        const auto audio = player.play(call.clip_ids);
        const auto max_wait =
            std::chrono::milliseconds(static_cast<long>(audio.seconds() * 1000) + 10'000);
        if (!output->wait_until_played(max_wait)) {
            err << "announce: the audio device did not finish playing within "
                << seconds_text(static_cast<double>(max_wait.count()) / 1000) << "\n";
            return kExitFailure;
        }
        out << "played " << seconds_text(audio.seconds())
            << (sdl ? " on SDL audio driver " + sdl->driver_name() : std::string()) << "\n";
        return kExitOk;
    } catch (const audio::AudioError& e) {
        err << "announce: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace kiosk::app
