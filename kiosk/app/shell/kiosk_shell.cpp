// The kiosk screen: flow glue and frame loop. Index: [SECTION] construction, [SECTION] flow (events and
// commands), [SECTION] time and input, [SECTION] frame loop, [SECTION] test hooks' view.
#include "kiosk/app/shell/kiosk_shell.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "kiosk/app/shell/flow_events.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::app {
namespace {

using std::chrono::duration;

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] construction
//-----------------------------------------------------------------------------

core::FlowConfig flowConfigFrom(const core::Settings& settings) {
    core::FlowConfig config;
    const core::UiSettings& ui = settings.ui;
    config.idleSeconds = std::max(5, ui.idleTimeoutS);
    config.warningSeconds = std::max(1, ui.idleWarningS);
    config.dedupeSeconds = std::max(1, settings.scanner.dedupeSeconds);
    // The net under the client's own timeouts: every attempt and its backoff, with a margin.
    config.lookupTimeoutSeconds =
        std::max(5, (settings.backend.totalTimeoutMs * (settings.backend.retries + 2)) / 1000);
    config.pinMaxAttempts = settings.staff.maxAttempts;
    config.pinLockoutSeconds = settings.staff.lockoutS;
    config.defaultLanguage = settings.language.defaultLanguage;
    config.defaultLargeText = ui.largeText;
    config.defaultHighContrast = ui.highContrast;
    config.staffIdleSeconds = settings.staff.idleTimeoutS;
    config.setupRequired = settings.provisioning.setupScreen && settings.backend.url.empty();
    return config;
}

KioskShell::KioskShell(platform::Window& window, Gui& gui, core::Settings settings, Devices devices,
                       KioskExtras extras, GlobalOptions options)
    : m_window(window), m_gui(gui), m_settings(std::move(settings)),
      m_clock(extras.clock != nullptr ? *extras.clock : platform::systemClock()), m_hooks(std::move(extras.hooks)),
      m_supervision(std::move(devices.supervisor)), m_queue([&window] { window.wake(); }) {
    m_flowConfig = flowConfigFrom(m_settings);
    if (m_settings.scanner.wedgeEnabled) {
        core::WedgeBurstOptions wedge;
        wedge.maxGap = std::chrono::milliseconds(std::max(5, m_settings.scanner.wedgeMaxInterkeyMs));
        wedge.minLength = static_cast<std::size_t>(std::max(1, m_settings.scanner.wedgeMinLength));
        m_wedge.emplace(wedge);
    }
    m_services = std::make_unique<KioskServices>(
        m_settings, std::move(devices), [this](core::Event e) { m_queue.post([this, e = std::move(e)] { dispatch(e); }); },
        [&window] { window.wake(); }, std::move(extras.lookup));
    m_flowConfig.instanceId = m_services->instanceId();
    m_flow = core::initialFlowState(m_flowConfig, now());
    startStaff(std::move(options));  // the PIN's state and a lockout recorded before a restart
    // The guide button appears once the catalog is indexed (a worker; a few ms for the bundled one).
    m_services->loadGuidance(std::filesystem::path(m_settings.paths.assetsDir) / "guidance" / "catalog.json",
                             [this](std::shared_ptr<const core::guidance::GuidanceLibrary> library) {
                                 m_queue.post([this, library = std::move(library)] { setGuidance(library); });
                             });
}

KioskShell::~KioskShell() {
    m_staff.reset();     // its running job finishes (each has a timeout); queued ones are dropped
    m_services.reset();  // workers stop before the queue they post to goes away
    m_preview.release();
}

void KioskShell::loadLanguage(core::Language language) {
    auto loaded = ui::loadStringTables(m_settings.paths.assetsDir, core::toString(language));
    if (!loaded) {
        spdlog::error("translations: {}", loaded.error().message);
        return;
    }
    m_strings = std::move(*loaded);
}

//-----------------------------------------------------------------------------
// [SECTION] flow (events and commands)
//-----------------------------------------------------------------------------

// Steps the flow (UI thread only) and runs what it asks for.
void KioskShell::dispatch(const core::Event& event) {
    const core::FlowState before = m_flow;
    if (std::holds_alternative<core::event::ReceiptRead>(event)) {
        m_readAt = Clock::now();  // for the "result drawn N ms after the code was read" figure
    }
    core::Transition t = core::step(m_flow, event, now(), m_flowConfig);
    m_flow = std::move(t.state);
    for (const core::Command& command : t.commands) {
        runCommand(command);
    }
    if (const auto* read = std::get_if<core::event::ReceiptRead>(&event);
        read != nullptr && read->source != core::InputSource::Keypad && m_flow.screen != before.screen) {
        // A scan the flow acted on (repeats of a receipt still in view are not news and not logged).
        spdlog::info("scan from {} read as {}", read->source == core::InputSource::Camera ? "camera" : "scanner",
                     std::holds_alternative<core::DossierCode>(read->reading)   ? "a dossier code"
                     : std::holds_alternative<core::ReceiptToken>(read->reading) ? "a receipt token"
                                                                                 : "no receipt");
    }
    if (m_flow.screen != before.screen) {
        if (m_flow.screen == core::Screen::Result) m_services->refreshPrinterStatus();
        m_services->stopSpeaking();  // what was read aloud belonged to the screen just left
        spdlog::debug("screen {} -> {}", core::toString(before.screen), core::toString(m_flow.screen));
    }
    if (m_flow.language != before.language) loadLanguage(m_flow.language);
    m_gui.setLook(m_flow.largeText && !StaffScreens::handles(m_flow.screen), m_flow.highContrast);  // staff pages: normal size
    const bool visible = m_flow.screen != before.screen || m_flow.language != before.language ||
                         m_flow.largeText != before.largeText || m_flow.highContrast != before.highContrast ||
                         m_flow.print != before.print || m_flow.rating != before.rating ||
                         m_flow.typedSymbols != before.typedSymbols || m_flow.guidance != before.guidance ||
                         m_flow.staff != before.staff;
    const bool quiet = std::holds_alternative<core::event::Tick>(event) ||
                       std::holds_alternative<core::event::UserActivity>(event) ||
                       std::holds_alternative<core::event::ReceiptRead>(event);
    if (visible || !quiet) m_pacer.request(3);
}

void KioskShell::runCommand(const core::Command& command) {
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, core::command::StartLookup>) {
                m_lookupStarted = now();
                m_services->startLookup(c.requestId, c.reading);
            } else if constexpr (std::is_same_v<C, core::command::CancelLookup>) {
                m_services->cancelLookup();
            } else if constexpr (std::is_same_v<C, core::command::PrintStatusSlip>) {
                m_services->printStatusSlip(c.dossier, c.language);
            } else if constexpr (std::is_same_v<C, core::command::PrintGuidanceSlip>) {
                const core::guidance::GuidanceEntry* entry = m_guidance ? m_guidance->find(c.entryId) : nullptr;
                if (entry != nullptr) {
                    m_services->printGuidanceSlip(*entry, c.language);
                } else {  // the catalog was replaced under the detail page
                    m_queue.post([this] { dispatch(core::event::PrintFinished{core::PrintFailure::NotAvailable}); });
                }
            } else if constexpr (std::is_same_v<C, core::command::SendRating>) {
                m_services->sendRating(c);
            } else if constexpr (std::is_same_v<C, core::command::WipeSession>) {
                // The flow has dropped the session; the screen drops what it drew from it: scroll
                // positions, the cached QR matrix, the detection outline.
                ui::resetSessionUi();
                m_preview.clearOutline();
                m_services->wipeSession();
                m_idleSecondsShown = -1;
                spdlog::info("session wiped");
            } else if constexpr (std::is_same_v<C, core::command::ReloadSettings>) {
                reloadSettings();
            } else if constexpr (std::is_same_v<C, core::command::Staff>) {
                runStaffTask(c.task);
            }
        },
        command);
}

// The catalog worker's library (bundled, later perhaps the backend's) replaces the one shown. A detail
// page whose entry the new catalog lacks goes back a page.
void KioskShell::setGuidance(std::shared_ptr<const core::guidance::GuidanceLibrary> library) {
    m_guidance = std::move(library);
    m_pacer.request(2);  // the guide button appears
    if (m_flow.screen == core::Screen::Guidance && m_flow.guidance.page == core::GuidancePage::Detail &&
        !m_guidance->find(m_flow.guidance.entryId)) {
        dispatch(core::event::Back{});
    }
}

//-----------------------------------------------------------------------------
// [SECTION] time and input
//-----------------------------------------------------------------------------

// Time-driven changes (idle warning and reset, lookup deadline, PIN lockout): a Tick at least every
// 250 ms while the flow is not pristine.
void KioskShell::tick() {
    const Clock::time_point t = now();
    if (!core::isPristine(m_flow, m_flowConfig) && t - m_lastTick >= std::chrono::milliseconds(250)) {
        m_lastTick = t;
        dispatch(core::event::Tick{});
    }
    const int secondsLeft = core::idleWarningSecondsLeft(m_flow, now()).value_or(-1);
    if (secondsLeft != m_idleSecondsShown) {
        m_idleSecondsShown = secondsLeft;
        m_pacer.request(secondsLeft < 0 ? 2 : 1);
    }
    // The PIN pad counts a lockout down second by second.
    const int lockLeft = m_flow.screen == core::Screen::StaffPin && m_flow.pinLockedUntil && t < *m_flow.pinLockedUntil
                             ? static_cast<int>(std::chrono::ceil<std::chrono::seconds>(*m_flow.pinLockedUntil - t).count())
                             : -1;
    if (lockLeft != m_lockSecondsShown) {
        m_lockSecondsShown = lockLeft;
        m_pacer.request(1);
    }
}

// Touches and keys are activity. Keys typed since the last turn go through the wedge detector: a fast
// burst ending in Enter is a scan (a USB scanner typing into the window), anything slower is a person
// and is ignored here.
void KioskShell::takeInput() {
    InputCollector::Input input = m_input.take();
    if (input.pointer || input.keys || m_activitySeen) {
        if (input.pointer) m_pacer.request(3);
        m_activitySeen = false;
        // While the idle warning shows, a touch is for its buttons ("Tiếp tục" keeps the session,
        // "Kết thúc" ends it); if any touch dismissed it, "Kết thúc" could never be pressed.
        if (m_idleSecondsShown < 0) dispatch(core::event::UserActivity{});
    }
    if (!m_wedge) return;
    auto take = [&](core::WedgeOutput out) {
        if (out.scan) {
            spdlog::debug("wedge: a scan burst of {} bytes", out.scan->size());
            m_services->submitWedgeScan(*out.scan, Clock::now());
        }
    };
    for (const KeyPress& k : input.typed) take(m_wedge->onKey(k.key, k.at));
    take(m_wedge->poll(Clock::now()));
}

//-----------------------------------------------------------------------------
// [SECTION] frame loop
//-----------------------------------------------------------------------------

void KioskShell::drawFrame() {
    m_gui.beginFrame();
    if (m_hooks) m_hooks->beforeFrame();
    const auto buildStart = Clock::now();
    ImGui::NewFrame();
    ui::beginUiFrame();
    watchStaffGesture();
    std::optional<ui::UiEvent> event;
    std::optional<core::Event> staffEvent;
    try {
        if (m_hooks) m_hooks->duringFrame();
        const ScreenInputs in = screenInputs();
        if (StaffScreens::handles(m_flow.screen)) {
            staffEvent = drawStaffScreen(in);
        } else {
            event = m_screens.draw(in);
        }
    } catch (...) {
        // Leave ImGui balanced before the frame loop handles the failure.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
        throw;
    }
    ui::endUiFrame();
    m_gui.render();
    m_lastBuildMs = duration<double, std::milli>(Clock::now() - buildStart).count();
    if (m_hooks) m_hooks->afterRender();
    m_window.swapBuffers();
    if (event) {
        m_pacer.request(3);
        if (std::holds_alternative<ui::act::Speak>(*event)) speakScreen();
        if (auto flowEvent = toFlowEvent(*event, m_flow, m_settings.receipt)) dispatch(*flowEvent);
    }
    if (staffEvent) {
        m_pacer.request(3);
        dispatch(*staffEvent);
    }
    if (!m_firstFrameLogged) {
        m_firstFrameLogged = true;
        spdlog::info("first frame drawn {:.0f} ms after process start", processAgeSeconds() * 1000.0);
        m_supervision.firstFrameDrawn();
        m_services->startReporting(m_pacer.frameTimes());
    }
}

ScreenInputs KioskShell::screenInputs() const {
    return ScreenInputs{m_flow,
                        m_strings,
                        m_settings,
                        m_guidance.get(),
                        *m_services,
                        m_preview,
                        m_clock.now(),
                        duration<double>(now() - m_lookupStarted).count(),
                        m_idleSecondsShown};
}

// "Nghe": reads the screen's answer aloud on the speech worker; pressed while reading, it stops.
void KioskShell::speakScreen() {
    if (m_services->speaking()) {
        m_services->stopSpeaking();
        return;
    }
    if (auto text = ScreenHost::spokenText(screenInputs())) m_services->speak(std::move(*text), m_flow.language);
}

int KioskShell::run() {
    if (!m_gui.start(m_input)) return 2;
    loadLanguage(m_flow.language);
    m_gui.setLook(m_flow.largeText && !StaffScreens::handles(m_flow.screen), m_flow.highContrast);  // staff pages: normal size
    if (m_hooks) m_hooks->attach(*this);
    constexpr int kMaxConsecutiveFailures = 3;
    // From here on only this thread touches ImGui and the flow state.
    while (!m_window.quitRequested()) {
        std::optional<double> deadline = m_preview.secondsUntilOutlineEnds(Clock::now());
        if (m_wedge && m_wedge->holding()) {
            const double hold = duration<double>(m_wedge->options().maxGap).count() + 0.005;
            deadline = std::min(deadline.value_or(hold), hold);
        }
        if (const auto watchdog = m_supervision.maxSleepSeconds()) deadline = std::min(deadline.value_or(*watchdog), *watchdog);
        m_supervision.loopTurn();
        m_window.waitEvents(m_pacer.secondsUntilNextWake(!core::isPristine(m_flow, m_flowConfig), deadline));
        m_queue.runPending();
        takeInput();
        tick();
        const bool previewShown = m_flow.screen == core::Screen::Attract || m_flow.screen == core::Screen::Setup ||
                                  (m_flow.screen == core::Screen::StaffMenu && m_flow.staff.page == core::StaffPage::Device);
        if (m_preview.update(*m_services, previewShown, Clock::now())) m_pacer.request(1);
        const std::string clock = ScreenHost::clockText(m_clock.now(), m_services->timeZone());
        if (clock != m_clockText) {
            m_clockText = clock;
            m_pacer.request(1);
        }
        if (!m_pacer.takeFrame()) continue;
        try {
            const auto frameStart = Clock::now();
            drawFrame();
            m_pacer.drawn(duration<double, std::milli>(Clock::now() - frameStart).count(), m_lastBuildMs,
                          ui::takeAnimationRequest());
            m_consecutiveFailures = 0;
            if (m_readAt && m_flow.screen != core::Screen::LookingUp) {
                // Read (typed, scanned, decoded) to the outcome's first frame, swap included.
                spdlog::info("{} drawn {:.1f} ms after the code was read", core::toString(m_flow.screen),
                             duration<double, std::milli>(Clock::now() - *m_readAt).count());
                m_readAt.reset();
            }
        } catch (const std::exception& e) {
            spdlog::error("frame failed: {}; back to the start screen", e.what());
            dispatch(core::event::Done{});  // wipes the session and returns to Attract
            m_pacer.request(1);
            if (++m_consecutiveFailures >= kMaxConsecutiveFailures) {
                spdlog::critical("{} frames failed in a row; exiting so the supervisor restarts the kiosk",
                                 m_consecutiveFailures);
                return stop(70);
            }
        }
    }
    return stop(0);
}

// The loop has ended: no more input is taken; what the citizen was promised (a rating, a slip) is
// finished or persisted within kStopBudget.
int KioskShell::stop(int exitCode) {
    m_supervision.stopping();
    m_services->shutdown(kStopBudget);
    return exitCode;
}

//-----------------------------------------------------------------------------
// [SECTION] test hooks' view
//-----------------------------------------------------------------------------

ShellSnapshot KioskShell::snapshot() const {
    ShellSnapshot s;
    s.flow = &m_flow;
    s.idleWarningShown = m_idleSecondsShown >= 0;
    s.printerConfigured = m_services->printerConfigured();
    s.printerKnownUnavailable = m_services->printerKnownUnavailable();
    s.guidanceEntries = m_guidance ? m_guidance->catalog().entries.size() : 0;
    s.speaking = m_services->speaking();
    const HealthSnapshot health = m_services->health();
    s.printerReady = health.printerStatus && health.printerStatus->ready();
    s.backendAnswered = health.lastBackendContact && !health.lastBackendError && health.tokenAccepted;
    s.cameraFramesDecoded = m_services->scanStats().framesDecoded;
    return s;
}

}  // namespace kiosk::app
