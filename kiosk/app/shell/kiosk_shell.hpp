#pragma once
// KioskShell: the kiosk screen. It owns the flow state and steps it on the UI thread (the only thread
// that touches it or ImGui), runs the flow's commands on the services, and runs the frame loop:
// wait for input or a worker's answer, step the flow, draw a frame when something visible changed.
//
//   input (InputCollector) ─┐                          ┌─> ScreenHost draws the view ─> UiEvent
//   workers (MainThreadQueue)┼─> core::step(state, event) ┤
//   time (Tick)             ─┘                          └─> commands ─> KioskServices (workers)
//
// The jobs around it live in their own files: Gui (ImGui and the look), FramePacer (render on
// demand), ScreenHost (views), CameraPreview, flow_events (UI event -> flow event).

#include <chrono>
#include <memory>
#include <optional>

#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/app/services/kiosk_services.hpp"
#include "kiosk/app/services/main_thread_queue.hpp"
#include "kiosk/app/shell/camera_preview.hpp"
#include "kiosk/app/shell/frame_pacer.hpp"
#include "kiosk/app/shell/gui.hpp"
#include "kiosk/app/shell/input.hpp"
#include "kiosk/app/shell/screen_host.hpp"
#include "kiosk/app/shell/shell_hooks.hpp"
#include "kiosk/app/shell/supervision.hpp"
#include "kiosk/app/shell/staff_screens.hpp"
#include "kiosk/app/staff/staff_service.hpp"
#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/scan/wedge_burst_detector.hpp"
#include "kiosk/core/staff/corner_gesture.hpp"
#include "kiosk/ui/strings.hpp"

namespace kiosk::app {

/// The flow's configuration from the settings (idle times, dedupe, defaults of every session).
core::FlowConfig flowConfigFrom(const core::Settings& settings);

class KioskShell final : public ShellControl {
public:
    /// @param window   the open window (its GL context current on this thread)
    /// @param gui      ImGui on that window (context and first font atlas made)
    /// @param settings loaded settings
    /// @param devices  from buildDevices(settings); handed to the services
    /// @param extras   a test build's hooks, clock and lookup; empty in the product
    /// @param options  the run's global options (staff mode reads and writes the files they name)
    KioskShell(platform::Window& window, Gui& gui, core::Settings settings, Devices devices, KioskExtras extras,
               GlobalOptions options = {});
    ~KioskShell() override;
    KioskShell(const KioskShell&) = delete;
    KioskShell& operator=(const KioskShell&) = delete;

    /// Runs the frame loop until quit (a requested quit, SIGTERM or SIGINT through the window), then
    /// stops cleanly within kStopBudget (KioskServices::shutdown). @return the process exit code (0 after
    /// a quit, 70 after repeated frame failures, so the supervisor restarts the kiosk; 2 when ImGui cannot
    /// start)
    int run();

    /// Staff asked for a restart: the caller restarts the program once the shell and window are gone.
    [[nodiscard]] bool restartRequested() const { return m_restartRequested; }

    // -- ShellControl (test hooks)
    MainThreadQueue& queue() override { return m_queue; }
    [[nodiscard]] ShellSnapshot snapshot() const override;
    void requestFrames(int frames) override { m_pacer.request(frames); }
    void noteActivity() override { m_activitySeen = true; }
    FrameStats frameStats(bool reset) override { return m_pacer.stats(reset); }
    [[nodiscard]] platform::PixelSize framebufferSize() const override { return m_window.framebufferSize(); }
    void submitScan(const std::string& text) override { m_services->submitWedgeScan(text, Clock::now()); }
    void quit() override { m_window.requestQuit(); }

private:
    using Clock = std::chrono::steady_clock;

    void loadLanguage(core::Language language);
    void dispatch(const core::Event& event);
    void runCommand(const core::Command& command);
    void takeInput();
    void tick();
    void setGuidance(std::shared_ptr<const core::guidance::GuidanceLibrary> library);
    void drawFrame();
    void speakScreen();
    [[nodiscard]] ScreenInputs screenInputs() const;
    int stop(int exitCode);
    [[nodiscard]] Clock::time_point now() const { return m_clock.steadyNow(); }

    // -- staff mode (kiosk_shell_staff.cpp)
    void startStaff(GlobalOptions options);
    void runStaffTask(const core::StaffCommand& task);
    void reloadSettings();
    void applySettings(core::Result<core::LoadedSettings> loaded, const PinStatus& pin);
    void watchStaffGesture();
    std::optional<core::Event> drawStaffScreen(const ScreenInputs& in);

    platform::Window& m_window;
    Gui& m_gui;
    core::Settings m_settings;
    const platform::Clock& m_clock;
    std::unique_ptr<ShellHooks> m_hooks;
    Supervision m_supervision;  // READY / WATCHDOG / STOPPING to systemd
    MainThreadQueue m_queue;
    std::unique_ptr<KioskServices> m_services;  // after m_queue: its workers post to it

    // -- the flow (UI thread only)
    core::FlowConfig m_flowConfig;
    core::FlowState m_flow;
    Clock::time_point m_lookupStarted{};  // drives the spinner
    Clock::time_point m_lastTick{};
    std::optional<Clock::time_point> m_readAt;  // a code was read and its outcome is not drawn yet

    // -- input
    InputCollector m_input;
    std::optional<core::WedgeBurstDetector> m_wedge;  // null when scanner.wedge_enabled = false
    bool m_activitySeen = false;                      // a (synthetic) finger since the last loop turn

    // -- what the screens show besides the flow
    std::shared_ptr<const core::guidance::GuidanceLibrary> m_guidance;  // null: the guide stays hidden
    ui::Strings m_strings;
    ScreenHost m_screens;
    CameraPreview m_preview;
    FramePacer m_pacer;
    std::string m_clockText;      // redraw when the minute changes
    int m_idleSecondsShown = -1;  // redraw when the countdown changes
    int m_consecutiveFailures = 0;
    bool m_firstFrameLogged = false;
    double m_lastBuildMs = 0.0;

    // -- staff mode
    std::unique_ptr<StaffService> m_staff;        // its worker answers through m_queue
    std::shared_ptr<const StaffData> m_staffData; // what the settings and audit pages show
    StaffScreens m_staffScreens;
    core::CornerGesture m_gesture;
    int m_lockSecondsShown = -1;                  // redraw the PIN pad when the lockout's countdown changes
    bool m_restartRequested = false;
};

}  // namespace kiosk::app
