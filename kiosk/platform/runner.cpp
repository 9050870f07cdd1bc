#include "kiosk/platform/runner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "kiosk/platform/frame_pacer.h"
#include "kiosk/platform/keyboard_scan_glue.h"
#include "kiosk/platform/pointer_input.h"
#include "kiosk/platform/preview_texture.h"
#include "kiosk/platform/screenshot.h"
#include "kiosk/platform/script.h"
#include "kiosk/ui/theme.h"

namespace kiosk::platform {

using SteadyClock = std::chrono::steady_clock;

// Everything that exists only while run() runs; the destructor tears it down in reverse order,
// so every early return is clean.
struct Runner::Impl {
    explicit Impl(std::atomic<std::uint32_t>& wake_event) : wake_event_(wake_event) {}
    ~Impl() {
        wake_event_ = 0;    // late wake() calls become no-ops before SDL goes away
        preview.release();  // before its renderer
        if (renderer_backend) ImGui_ImplSDLRenderer_Shutdown();
        if (platform_backend) ImGui_ImplSDL2_Shutdown();
        if (imgui) ImGui::DestroyContext(imgui);
        if (renderer) SDL_DestroyRenderer(renderer);
        if (window) SDL_DestroyWindow(window);
        if (sdl) SDL_Quit();
    }

    std::atomic<std::uint32_t>& wake_event_;
    bool sdl = false;
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    ImGuiContext* imgui = nullptr;
    bool platform_backend = false;
    bool renderer_backend = false;
    ui::FontSet fonts;
    ui::FrameOutput output;
    PreviewTexture preview;
    PointerInput pointer;
    FrameStats stats;
};

namespace {

RunResult failure(int code, std::string message) {
    std::fprintf(stderr, "kiosk: %s\n", message.c_str());
    return RunResult{code, std::move(message), 0, {}};
}

void set_kiosk_hints(const RunnerOptions& o) {
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");  // two displays move focus around
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");            // lost touch-ups on X11 (SDL #9709)
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");     // only SIGTERM / SDL_QUIT ends us
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");            // PointerInput reads SDL_FINGER*
    if (o.headless && std::getenv("SDL_VIDEODRIVER") == nullptr)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");  // an explicit env choice (offscreen) wins
    const std::string driver = o.headless ? "software" : o.render_driver;
    if (!driver.empty()) SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver.c_str());
    // With the software renderer, present straight to the window (X shm / wl_shm) instead of
    // through a GL texture: on GPU-less panels that GL path pulls in Mesa's llvmpipe (~60 MiB).
    if (driver == "software") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

// Rebuilds fonts and style when the window's scale changed (first frame, resize, rotation).
void update_scale(ui::FontSet& fonts, const DisplayConfig& display, int w, int h, bool first) {
    const float scale = ui::ui_scale_for(static_cast<float>(w), static_cast<float>(h));
    if (!first && std::fabs(scale - fonts.fonts().scale) < 0.01f) return;
    std::string error;
    if (!fonts.build(*ImGui::GetIO().Fonts, display, scale, error))
        std::fprintf(stderr, "kiosk: %s (using ImGui's built-in font)\n", error.c_str());
    if (!first) ImGui_ImplSDLRenderer_DestroyFontsTexture();  // recreated by the next NewFrame
    ui::theme::apply_style(ImGui::GetStyle(), scale);
    ImGui::GetIO().MouseDragThreshold = 16.0f * scale;  // a finger wobbles; taps stay taps
}

}  // namespace

Runner::Runner(RunnerOptions options) : options_(std::move(options)) {}
Runner::~Runner() = default;

void Runner::wake() {
    const std::uint32_t type = wake_event_.load();
    if (type == 0) return;
    SDL_Event e{};
    e.type = type;
    SDL_PushEvent(&e);  // thread-safe; also interrupts SDL_WaitEventTimeout
}

RunResult Runner::run(RunnerClient& client) {
    const auto started = SteadyClock::now();
    const RunnerOptions& o = options_;

    // A bad script fails before any window opens.
    std::optional<ScriptRunner> script;
    if (!o.script_path.empty()) {
        ParsedScript parsed = load_script(o.script_path);
        if (!parsed.ok()) {
            std::string all;
            for (const std::string& e : parsed.errors)
                all += (all.empty() ? "" : "\n") + e;
            return failure(2, all);
        }
        script.emplace(std::move(parsed.commands), o.script_path, o.out_dir, o.script_timeout);
    }

    Impl s(wake_event_);
    set_kiosk_hints(o);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        return failure(2, std::string("SDL_Init(video, timer) failed: ") + SDL_GetError());
    s.sdl = true;

    const bool fullscreen = o.display.fullscreen && !o.headless;
    Uint32 flags = 0;
    if (fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;  // no mode switch: the panel's native size
    } else if (!o.headless) {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    const int pos = SDL_WINDOWPOS_UNDEFINED_DISPLAY(o.display_index);
    s.window = SDL_CreateWindow(o.title.c_str(), pos, pos, std::max(1, o.display.width),
                                std::max(1, o.display.height), flags);
    if (!s.window)
        return failure(2, std::string("SDL_CreateWindow failed (video driver ") +
                              (SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "none") +
                              "): " + SDL_GetError());
    s.renderer = SDL_CreateRenderer(s.window, -1, o.headless ? SDL_RENDERER_SOFTWARE : 0);
    if (!s.renderer) return failure(2, std::string("SDL_CreateRenderer failed: ") + SDL_GetError());
    if (fullscreen) SDL_ShowCursor(SDL_DISABLE);

    IMGUI_CHECKVERSION();
    s.imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk has no layout to remember
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the loop awake
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    if (fullscreen) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    s.platform_backend = ImGui_ImplSDL2_InitForSDLRenderer(s.window);
    s.renderer_backend = ImGui_ImplSDLRenderer_Init(s.renderer);
    if (!s.platform_backend || !s.renderer_backend)
        return failure(2, "ImGui SDL2 / SDL_Renderer backend initialisation failed");

    int win_w = 0, win_h = 0;
    SDL_GetWindowSize(s.window, &win_w, &win_h);
    update_scale(s.fonts, o.display, win_w, win_h, true);

    wake_event_ = SDL_RegisterEvents(1);
    if (wake_event_ == static_cast<std::uint32_t>(-1)) wake_event_ = 0;

    FramePacer pacer(3, o.max_wait);
    pacer.on_input();
    RunResult result;
    std::uint64_t frame_index = 0;
    bool running = true;

    // Keyboard-wedge fallback: text and Enter pass through the burst detector first.
    const SDL_Event* pending_enter = nullptr;  // the Return key-down being judged
    std::optional<KeyboardScanGlue> burst;
    if (o.keyboard_burst)
        burst.emplace(
            *o.keyboard_burst,
            KeyboardScanSinks{
                [&io](const std::string& text) { io.AddInputCharactersUTF8(text.c_str()); },
                [&pending_enter] {
                    if (pending_enter) ImGui_ImplSDL2_ProcessEvent(pending_enter);
                },
                [&client](const std::string& payload) { client.on_scan(payload); }});

    const auto handle = [&](const SDL_Event& e) {
        if (e.type == SDL_QUIT) {
            running = false;  // SIGINT / SIGTERM (systemctl stop)
            return;
        }
        pacer.on_input();
        if (e.type == wake_event_.load()) return;
        if (burst && e.type == SDL_TEXTINPUT) {
            burst->on_text(e.text.text, e.text.timestamp);
            return;
        }
        if (burst && e.type == SDL_KEYDOWN && !e.key.repeat &&
            (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER)) {
            pending_enter = &e;
            burst->on_enter(e.key.timestamp);
            pending_enter = nullptr;
            return;
        }
        ImGui_ImplSDL2_ProcessEvent(&e);  // keyboard, text, wheel; pointer state is overridden
        SDL_GetWindowSize(s.window, &win_w, &win_h);
        s.pointer.handle_event(e, win_w, win_h);
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE && !fullscreen)
            running = false;  // development window; the kiosk ignores close requests
    };

    while (running) {
        client.on_loop();
        if (client.quit_requested()) break;
        const bool scripted = script && !script->finished();
        int timeout = (scripted || s.pointer.busy()) ? 0 : pacer.wait_ms(SteadyClock::now());
        if (burst) timeout = burst->wait_ms(SDL_GetTicks(), timeout);  // flush held keys in time
        SDL_Event e;
        bool got = timeout > 0 ? SDL_WaitEventTimeout(&e, timeout) != 0 : SDL_PollEvent(&e) != 0;
        while (got && running) {
            handle(e);
            got = SDL_PollEvent(&e) != 0;
        }
        if (!running) break;
        if (burst) burst->poll(SDL_GetTicks());
        if (pacer.deadline_passed(SteadyClock::now())) pacer.on_deadline();
        if (!pacer.should_render() && !scripted && !s.pointer.busy()) continue;

        // ---- one frame ----
        const auto frame_start = SteadyClock::now();
        SDL_GetWindowSize(s.window, &win_w, &win_h);
        update_scale(s.fonts, o.display, win_w, win_h, false);
        ImGui_ImplSDLRenderer_NewFrame();
        // The backend has uploaded the atlas; the CPU copies (RGBA + alpha, tens of MiB at
        // 1080p) are not needed again until a rescale rebuilds them.
        ImGui::GetIO().Fonts->ClearTexData();
        ImGui_ImplSDL2_NewFrame();
        s.pointer.apply(io);  // after the backend, before NewFrame (1.86 has no input events)
        ImGui::NewFrame();
        s.output.clear();
        FrameContext ctx{s.fonts.fonts(), s.output, frame_index, io.DisplaySize.x,
                         io.DisplaySize.y};
        if (std::optional<GrayPreview> picture = client.camera_preview()) {
            ctx.preview_texture = s.preview.update(s.renderer, *picture);
            if (ctx.preview_texture) {
                ctx.preview_width = picture->width;
                ctx.preview_height = picture->height;
            }
        }
        client.on_frame(ctx);
        ImGui::Render();
        const ImU32 bg = ui::theme::kBackground;
        SDL_SetRenderDrawColor(s.renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
        SDL_RenderClear(s.renderer);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());

        if (scripted) {
            const ScriptRequests req =
                script->after_frame(s.output.widgets, s.pointer.busy(), SteadyClock::now());
            if (req.tap) s.pointer.queue_tap(req.tap->first, req.tap->second);
            if (!req.type_text.empty()) io.AddInputCharactersUTF8(req.type_text.c_str());
            if (!req.scan_payload.empty()) client.on_scan(req.scan_payload);
            for (const auto& [scancode, type] :
                 {std::pair{req.key_down, SDL_KEYDOWN}, std::pair{req.key_up, SDL_KEYUP}}) {
                if (scancode == 0) continue;
                SDL_Event key{};  // handled by the backend before the next frame
                key.type = type;
                key.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
                key.key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
                key.key.keysym.sym = SDL_GetKeyFromScancode(key.key.keysym.scancode);
                SDL_PushEvent(&key);
            }
            if (!req.screenshot_path.empty()) {
                if (std::string err = save_screenshot(s.renderer, req.screenshot_path);
                    !err.empty())
                    script->fail(err);
            }
        }
        SDL_RenderPresent(s.renderer);
        pacer.frame_rendered();
        const auto frame_end = SteadyClock::now();
        s.stats.add(std::chrono::duration<double, std::milli>(frame_end - frame_start).count());
        if (frame_index++ == 0)
            result.first_frame_ms =
                std::chrono::duration<double, std::milli>(frame_end - started).count();

        // When must the picture change by itself? The client's deadline or the UI's animation.
        std::optional<std::chrono::milliseconds> next = client.next_change_in();
        if (s.output.redraw_after_s > 0.0f) {
            const auto anim = std::chrono::milliseconds(
                static_cast<long>(std::ceil(s.output.redraw_after_s * 1000.0f)));
            next = next ? std::min(*next, anim) : anim;
        }
        pacer.set_next_change(frame_end, next);

        if (o.exit_after_first_frame) break;
        if (script && script->finished()) {
            result.exit_code = script->exit_code();
            result.message = script->message();
            if (result.exit_code != 0) std::fprintf(stderr, "kiosk: %s\n", result.message.c_str());
            break;
        }
    }
    result.frame_times = s.stats.summary();
    return result;
}

}  // namespace kiosk::platform
