#pragma once
// What a test build adds to the kiosk screen. The product passes an empty KioskExtras (no hooks, the
// system clock, lookups on the backend); the test executable (tests/support/kiosk_test) passes hooks
// that drive the screen through a FIFO, a clock it can move forward, and fixture lookups. Nothing here
// is compiled out: the product simply never has hooks.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/app/services/kiosk_services.hpp"
#include "kiosk/core/flow/flow.hpp"
#include "platform/clock.hpp"
#include "platform/window.hpp"

namespace kiosk::app {

class MainThreadQueue;

/// What the kiosk screen holds, for a test's `state` command (counts and kinds, never content).
struct ShellSnapshot {
    const core::FlowState* flow = nullptr;
    bool idleWarningShown = false;
    bool printerConfigured = false;
    bool printerKnownUnavailable = false;
    std::size_t guidanceEntries = 0;  ///< 0 until the catalog is loaded
    bool speaking = false;            ///< the status is being read aloud
    bool printerReady = false;        ///< the printer's last status says it can print (staff device page)
    bool backendAnswered = false;     ///< the backend answered, token accepted, no error since (staff device page)
    std::uint64_t cameraFramesDecoded = 0;  ///< camera frames the decoder has finished (their scans are posted)
};

/// Frames drawn and the longest ones (the frame-time figures of docs/performance.md).
struct FrameStats {
    std::uint64_t frames = 0;
    double longestMs = 0.0;       ///< whole frame, swap included
    double longestBuildMs = 0.0;  ///< NewFrame to Render: our code without GL rasterisation
};

/// The shell as hooks see it. UI thread only.
class ShellControl {
public:
    virtual ~ShellControl() = default;
    /// The queue workers post to; a hook's reader thread posts its commands here.
    virtual MainThreadQueue& queue() = 0;
    [[nodiscard]] virtual ShellSnapshot snapshot() const = 0;
    /// Asks for at least `frames` more frames (the screen changed).
    virtual void requestFrames(int frames) = 0;
    /// A synthetic finger on the screen counts as activity, like a real one.
    virtual void noteActivity() = 0;
    /// The frame figures so far; `reset` starts counting again.
    virtual FrameStats frameStats(bool reset) = 0;
    [[nodiscard]] virtual platform::PixelSize framebufferSize() const = 0;
    /// Text as a scanner would deliver it (the keyboard-wedge path).
    virtual void submitScan(const std::string& text) = 0;
    /// Ends the frame loop.
    virtual void quit() = 0;
};

/// Test-build hooks into the frame loop. All calls come on the UI thread.
class ShellHooks {
public:
    virtual ~ShellHooks() = default;
    /// Once, before the first frame.
    virtual void attach(ShellControl& shell) = 0;
    /// Each frame after the platform backends' NewFrame: may replace the pointer input.
    virtual void beforeFrame() {}
    /// Each frame inside the frame's failure guard, before the screen is drawn: may throw.
    virtual void duringFrame() {}
    /// Each frame after it is rendered and before it is presented (the back buffer holds it).
    virtual void afterRender() {}
};

/// What the composition root passes to the kiosk screen besides settings and devices.
struct KioskExtras {
    std::unique_ptr<ShellHooks> hooks;       ///< null in the product
    const platform::Clock* clock = nullptr;  ///< null: platform::systemClock()
    std::unique_ptr<DossierLookup> lookup;   ///< null: lookups go to the configured backend
};

}  // namespace kiosk::app
