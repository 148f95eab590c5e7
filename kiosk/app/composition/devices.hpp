#pragma once
// The composition root: the one place where platform objects (HTTP client, printer, camera, scanners,
// window) are built from the settings. The kiosk and every subcommand take their devices from here, so
// a device is configured the same way everywhere; which backends exist is the platform library the
// executable links (platform_linux or platform_fake, see platform/CMakeLists.txt).

#include <memory>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/settings.hpp"
#include "platform/camera.hpp"
#include "platform/http_client.hpp"
#include "platform/printer.hpp"
#include "platform/scanner.hpp"
#include "platform/speech.hpp"
#include "platform/time_zone.hpp"
#include "platform/system.hpp"
#include "platform/window.hpp"

namespace kiosk::app {

/// Which devices a run needs: a subcommand builds only what it uses.
struct DeviceSet {
    bool http = true;
    bool printer = true;
    bool camera = true;
    bool scanners = true;
    bool speech = true;      ///< only when audio.enabled
    bool supervisor = true;  ///< the service manager's notifier (the kiosk screen)

    /// What `kiosk lookup`, `slip status` and `check-backend` need.
    static constexpr DeviceSet httpOnly() {
        return {.http = true, .printer = false, .camera = false, .scanners = false, .speech = false, .supervisor = false};
    }
    /// What `kiosk print-test` needs.
    static constexpr DeviceSet printerOnly() {
        return {.http = false, .printer = true, .camera = false, .scanners = false, .speech = false, .supervisor = false};
    }
};

struct Devices {
    std::unique_ptr<platform::HttpClient> http;                   ///< null when not asked for
    std::unique_ptr<platform::Printer> printer;                   ///< null: none configured, unusable URI, or not asked for
    std::unique_ptr<platform::FrameSource> camera;                ///< null: camera.source = none, or not asked for
    std::vector<std::unique_ptr<platform::CodeScanner>> scanners; ///< the configured hardware scanners
    std::unique_ptr<platform::SpeechSynthesizer> speech;          ///< null: audio.enabled is false, or no voice
    std::unique_ptr<platform::AudioOutput> audio;                 ///< set with `speech`
    std::unique_ptr<platform::SystemNotifier> supervisor;         ///< systemd (sd_notify); null when not asked for
};

/// Builds the devices `settings` describe. Nothing is opened or started here: cameras, scanners and
/// printers open on their own threads (or at the first job) and report problems in their status. An
/// unusable printer URI is logged and leaves `printer` null (config validation rejects it earlier).
Devices buildDevices(const core::Settings& settings, DeviceSet which = {});

/// The office's time zone (office.time_zone) from the platform's time zone database.
/// @return the zone, or a Config error naming it when the database does not know it
core::Result<core::TimeZone> officeTimeZone(const core::Settings& settings);

/// Opens the kiosk's window: fullscreen on the primary monitor, or a `width`x`height` window when
/// `windowed`. @return the window, or an Unavailable error (no display, no OpenGL 3)
core::Result<std::unique_ptr<platform::Window>> openKioskWindow(const core::Settings& settings, bool windowed,
                                                                 int width, int height);

/// The size the window will have (the monitor's, or the development window's), known before the window
/// exists so the fonts can be built while the GL context is created.
platform::PixelSize expectedWindowSize(bool windowed, int width, int height);

}  // namespace kiosk::app
