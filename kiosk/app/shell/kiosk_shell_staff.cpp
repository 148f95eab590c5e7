// KioskShell's staff mode: the hidden gesture, the staff screens, staff tasks on the staff worker,
// and reloading the settings when staff changed them (docs/staff.md). Index: [SECTION] start,
// [SECTION] gesture and screens, [SECTION] staff tasks, [SECTION] reload.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include "kiosk/app/shell/kiosk_shell.hpp"
#include "kiosk/core/staff/pin_lockout.hpp"

namespace kiosk::app {
namespace {

core::CornerGestureOptions gestureOptions(const core::Settings& s) {
    core::CornerGestureOptions o;
    o.corner = s.staff.gestureCorner;
    o.taps = s.staff.gestureTaps;
    o.window = std::chrono::milliseconds(s.staff.gestureWindowMs);
    return o;
}

/// Every key's value as TOML: two settings are the same when this is.
std::string fingerprint(const core::Settings& s) {
    auto text = core::renderOverrides(s, core::knownConfigKeys());
    return text ? *text : std::string();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] start
//-----------------------------------------------------------------------------

// Runs in the constructor, before the frame loop: reading the PIN file and the lockout record here
// is the start-up's disk access, not the UI thread waiting.
void KioskShell::startStaff(GlobalOptions options) {
    const PinStatus pin = StaffService::readPinStatus(m_settings);
    m_flowConfig.staffPinSet = pin.set;
    if (!pin.set) {
        spdlog::warn("staff mode cannot be entered from the screen: {}; set a PIN with `kiosk set-pin`", pin.problem);
    }
    const core::PinLockoutRecord record = StaffService::readLockout(m_settings);
    m_flow.pinFailures = record.failures;
    m_flow.pinLockedUntil = core::steadyDeadline(record.lockedUntil, m_clock.now(), now(),
                                                 std::chrono::seconds(m_settings.staff.lockoutS));
    if (m_flow.pinLockedUntil) {
        spdlog::warn("staff PIN pad locked ({} wrong PINs before the restart)", record.failures);
    }
    m_gesture = core::CornerGesture(gestureOptions(m_settings));
    m_staff = std::make_unique<StaffService>(std::move(options), m_settings,
                                             [this](std::function<void()> task) { m_queue.post(std::move(task)); });
    if (m_flow.screen == core::Screen::Setup) {
        spdlog::warn("no backend configured: starting on the setup screen (provisioning.setup_screen)");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] gesture and screens
//-----------------------------------------------------------------------------

// Taps in the corner (and Ctrl+Alt+P) on the citizen screens. Nothing is drawn for them: a citizen who
// taps the corner sees nothing happen. Runs after NewFrame, so synthetic taps count like real ones.
void KioskShell::watchStaffGesture() {
    if (StaffScreens::handles(m_flow.screen)) return;
    const ImGuiIO& io = ImGui::GetIO();
    bool open = false;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        open = m_gesture.onTap(io.MousePos.x, io.MousePos.y, io.DisplaySize.x, io.DisplaySize.y, now());
    }
    if (m_settings.staff.keyboardShortcut && io.KeyCtrl && io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_P, false)) open = true;
    if (open) m_queue.post([this] { dispatch(core::event::StaffGestureDetected{}); });
}

std::optional<core::Event> KioskShell::drawStaffScreen(const ScreenInputs& in) {
    const ui::Chrome chrome = ScreenHost::chrome(in);
    const StaffInputs staff{m_flow,     m_flowConfig,   chrome,       m_strings, m_settings, *m_services,
                            m_preview,  m_staffData,    m_clock.now(), now()};
    return m_staffScreens.draw(staff);
}

//-----------------------------------------------------------------------------
// [SECTION] staff tasks
//-----------------------------------------------------------------------------

void KioskShell::runStaffTask(const core::StaffCommand& task) {
    namespace st = core::staff_task;
    namespace sa = core::staff;
    auto answer = [this](core::StaffAction action) { dispatch(core::event::Staff{std::move(action)}); };
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, st::VerifyPin>) {
                m_staff->verifyPin(c.pin, [this](bool ok) { dispatch(core::event::PinEntered{ok}); });
            } else if constexpr (std::is_same_v<C, st::RecordPinState>) {
                m_staff->recordPinState(
                    core::PinLockoutRecord{c.failures, core::wallDeadline(c.lockedUntil, now(), m_clock.now())});
            } else if constexpr (std::is_same_v<C, st::Audit>) {
                m_staff->audit(c.action, c.detail);
            } else if constexpr (std::is_same_v<C, st::LoadStaffData>) {
                m_staff->loadData([this](std::shared_ptr<const StaffData> data) {
                    m_staffData = std::move(data);
                    m_pacer.request(2);
                });
            } else if constexpr (std::is_same_v<C, st::SaveSettings>) {
                m_staff->saveSettings(c.draft, [this, answer](bool ok, bool restart, std::string detail) {
                    answer(sa::SaveFinished{ok, restart, std::move(detail)});
                    if (ok) runStaffTask(st::LoadStaffData{});  // the page shows the files as saved
                });
            } else if constexpr (std::is_same_v<C, st::TestBackend>) {
                m_staff->testBackend([this, answer](std::optional<core::LookupErrorKind> failure, double ms) {
                    m_services->healthBoard().backendCallFinished(failure, ms);
                    answer(sa::BackendTestFinished{!failure, failure ? std::string(core::toString(*failure)) : std::string()});
                });
            } else if constexpr (std::is_same_v<C, st::PrintTestPage>) {
                m_services->printTestPage();
            } else if constexpr (std::is_same_v<C, st::SetPin>) {
                m_staff->setPin(c.pin, [this, answer](bool ok) {
                    if (ok) m_flowConfig.staffPinSet = true;
                    answer(sa::PinSaved{ok});
                });
            } else if constexpr (std::is_same_v<C, st::Provision>) {
                m_staff->provision(c.text, [answer](bool ok, std::string failure) {
                    answer(sa::ProvisioningFinished{ok, std::move(failure)});
                });
            } else if constexpr (std::is_same_v<C, st::RestartKiosk>) {
                // Audited first (on the worker), then the loop ends and runKiosk starts the program again.
                m_staff->audit(core::AuditAction::Restart, {});
                m_staff->whenIdle([this] {
                    m_restartRequested = true;
                    m_window.requestQuit();
                });
            } else if constexpr (std::is_same_v<C, st::PowerOff>) {
                m_staff->powerOff(c.reboot, [answer](bool ok, std::string detail) {
                    answer(sa::PowerFinished{ok, std::move(detail)});
                });
            }
        },
        task);
}

//-----------------------------------------------------------------------------
// [SECTION] reload
//-----------------------------------------------------------------------------

// The files are read on the staff worker; applySettings runs on this thread with the result.
void KioskShell::reloadSettings() {
    m_staff->reloadSettings([this](core::Result<core::LoadedSettings> loaded, const PinStatus& pin) {
        applySettings(std::move(loaded), pin);
    });
}

// New settings apply without a restart where possible: the services are rebuilt from them (backend,
// printer, camera, scanners, guidance), the flow takes the new idle times and defaults, the wedge and
// gesture detectors their new limits. Keys of the window and folders wait for a restart (the staff
// page said so). Unchanged settings rebuild nothing, so health figures survive a visit to staff mode.
void KioskShell::applySettings(core::Result<core::LoadedSettings> loaded, const PinStatus& pin) {
    m_flowConfig.staffPinSet = pin.set;
    if (!loaded) {
        spdlog::error("settings not reloaded (the kiosk keeps its current ones): {}", loaded.error().message);
        dispatch(core::event::Staff{core::staff::SettingsReloaded{}});
        return;
    }
    core::Settings next = std::move(loaded->settings);
    if (fingerprint(next) != fingerprint(m_settings)) {
        const auto started = Clock::now();
        std::unique_ptr<DossierLookup> fixture = m_services->releaseLookupOverride();
        m_services.reset();  // workers stop (a running print or lookup ends within its timeout)
        m_settings = std::move(next);
        m_services = std::make_unique<KioskServices>(
            m_settings, buildDevices(m_settings), [this](core::Event e) { m_queue.post([this, e = std::move(e)] { dispatch(e); }); },
            [this] { m_window.wake(); }, std::move(fixture));
        if (m_firstFrameLogged) m_services->startReporting(m_pacer.frameTimes());  // heartbeats and metrics go on
        const bool pinSet = m_flowConfig.staffPinSet;
        const std::string instance = m_services->instanceId();
        m_flowConfig = flowConfigFrom(m_settings);
        m_flowConfig.staffPinSet = pinSet;
        m_flowConfig.instanceId = instance;
        if (m_settings.scanner.wedgeEnabled) {
            core::WedgeBurstOptions wedge;
            wedge.maxGap = std::chrono::milliseconds(std::max(5, m_settings.scanner.wedgeMaxInterkeyMs));
            wedge.minLength = static_cast<std::size_t>(std::max(1, m_settings.scanner.wedgeMinLength));
            m_wedge.emplace(wedge);
        } else {
            m_wedge.reset();
        }
        m_gesture = core::CornerGesture(gestureOptions(m_settings));
        m_staff->setSettings(m_settings);
        m_guidance.reset();
        m_services->loadGuidance(std::filesystem::path(m_settings.paths.assetsDir) / "guidance" / "catalog.json",
                                 [this](std::shared_ptr<const core::guidance::GuidanceLibrary> library) {
                                     m_queue.post([this, library = std::move(library)] { setGuidance(library); });
                                 });
        spdlog::info("settings reloaded; services rebuilt in {:.0f} ms",
                     std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    dispatch(core::event::Staff{core::staff::SettingsReloaded{}});
}

}  // namespace kiosk::app
