#include "kiosk/app/shell/run_kiosk.hpp"

#include <imgui.h>
#include <spdlog/cfg/env.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <charconv>
#include <optional>
#include <string_view>
#include <future>
#include <iostream>

#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/composition/logging.hpp"
#include "kiosk/app/shell/stop_signals.hpp"
#include "kiosk/app/shell/gui.hpp"
#include "kiosk/app/shell/kiosk_shell.hpp"
#include "kiosk/app/staff/staff_service.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::app {

namespace {

/// "1920x1080" -> {1920, 1080}; std::nullopt unless both are whole numbers in 320..8192.
std::optional<platform::PixelSize> parseWindowSize(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    const auto number = [](std::string_view part) -> std::optional<int> {
        int value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc{} || end != part.data() + part.size() || value < 320 || value > 8192) return std::nullopt;
        return value;
    };
    const auto width = number(text.substr(0, x));
    const auto height = number(text.substr(x + 1));
    if (!width || !height) return std::nullopt;
    return platform::PixelSize{*width, *height};
}

int runKioskOnce(const GlobalOptions& options, KioskExtras extras, bool& restart) {
    // 0. SPDLOG_LEVEL=debug shows the start-up timings. SIGTERM and SIGINT become a clean stop; this
    //    comes before any thread exists, so every thread has them blocked (stop_signals.hpp).
    spdlog::cfg::load_env_levels();
    std::atomic<platform::Window*> stopTarget{nullptr};
    StopSignals signals([&stopTarget](int) {
        if (platform::Window* window = stopTarget.load()) window->requestQuit();
    });

    // 1. Settings: defaults < fleet file < local file < command line. A bad file stops the start with
    //    every problem named (FILE:LINE: KEY: message); the supervisor shows the exit code. Then the
    //    log: operations.log_level, the journal under systemd, else stderr and operations.log_dir.
    auto loaded = loadSettingsFor(options);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        spdlog::critical("configuration is invalid; not starting");
        return 2;
    }
    core::Settings settings = std::move(loaded->settings);
    const std::string logTo = configureLogging(settings.operations, kioskVersion());
    spdlog::info("kiosk {} starting; log: {}", kioskVersion(), logTo);
    if (auto zone = officeTimeZone(settings); !zone) {
        std::cerr << zone.error().message << "\n";
        spdlog::critical("configuration is invalid; not starting");
        return 2;
    }

    // 2. Window size: fullscreen on the primary monitor (ui.fullscreen), or a development window
    //    (--windowed always wins).
    const bool windowed = options.windowed || !settings.ui.fullscreen;
    int width = 0;
    int height = 0;
    if (windowed) {
        const auto size = parseWindowSize(options.windowSize);
        if (!size) {
            std::cerr << "kiosk: --window-size must look like 1920x1080 (320..8192 each), got '" << options.windowSize
                      << "'\n";
            return 2;
        }
        width = size->width;
        height = size->height;
    }

    // 3. Fonts and window: the font atlas (~50 ms of CPU) is built on a thread while the GL context is
    //    created; this thread does not touch the context until the atlas is done.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    const platform::PixelSize expected = expectedWindowSize(windowed, width, height);
    const float fontsScale = ui::scaleForWindow(expected.width, expected.height);
    const bool largeText = settings.ui.largeText;
    auto fontsReady = std::async(std::launch::async, [fontsScale, largeText] {
        return ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, fontsScale, largeText});
    });
    auto window = openKioskWindow(settings, windowed, width, height);
    auto fonts = fontsReady.get();
    if (!fonts || !window) {
        spdlog::error("{}: {}", !fonts ? "fonts" : "window", !fonts ? fonts.error().message : window.error().message);
        ImGui::DestroyContext();
        return 2;
    }
    spdlog::debug("window open {:.0f} ms after process start", processAgeSeconds() * 1000.0);
    stopTarget.store(window->get());
    if (signals.stopRequested()) (*window)->requestQuit();  // a signal during the start: stop at once
    Gui gui(**window, fontsScale, largeText, settings.ui.touchTargetPx);

    // 4. Devices (the composition root) and the screen with its services; then the frame loop.
    Devices devices = buildDevices(settings);
    KioskShell shell(**window, gui, std::move(settings), std::move(devices), std::move(extras), options);
    const int code = shell.run();
    restart = shell.restartRequested();
    return code;
}

}  // namespace

int runKiosk(const GlobalOptions& options, KioskExtras extras) {
    bool restart = false;
    const int code = runKioskOnce(options, std::move(extras), restart);
    // 5. Staff asked for a restart: once the shell, the window and ImGui are gone, the program starts
    //    again in place (the same arguments); it returns only when that fails.
    if (restart) {
        restartProgram();
        return 75;
    }
    return code;
}

}  // namespace kiosk::app
