// The kiosk screen: composition root and frame loop.
// Index: [SECTION] options, [SECTION] input (GLFW callbacks), [SECTION] kiosk (ImGui setup, look),
// [SECTION] flow (UI events -> flow events, commands -> services), [SECTION] views, [SECTION] frame
// loop, [SECTION] test hooks, [SECTION] runKiosk.
//
// The screens are driven by core's flow state machine (kiosk/core/flow: step()). The UI thread alone
// steps it; workers (lookups, printing, scanning, ratings: kiosk_services.cpp) answer with flow
// events through the MainThreadQueue.
#include "kiosk/app/app.hpp"

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <spdlog/cfg/env.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/main_thread_queue.hpp"
#include "kiosk/app/preview_texture.hpp"
#include "kiosk/app/settings_from_options.hpp"
#include "kiosk/core/scan/wedge_burst_detector.hpp"
#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"
#include "platform/linux/window_glfw.hpp"
#ifdef KIOSK_TEST_HOOKS
#include "kiosk/app/test_hooks.hpp"
#include "kiosk/app/test_lookup.hpp"
#endif

namespace kiosk::app {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::duration;
using std::chrono::seconds;

//-----------------------------------------------------------------------------
// [SECTION] options
//-----------------------------------------------------------------------------

struct KioskOptions {
    std::string windowSize = "1280x720";  // --window-size WxH, used with --windowed
    std::string testControl;              // --test-control PATH (test builds)
    int testLookupLatencyMs = -1;         // --test-lookup MS: sample dossiers after MS ms (test builds)
};
KioskOptions g_kioskOptions;

// The assets folder: KIOSK_ASSETS_DIR (development) wins over paths.assets_dir; a folder without
// translations falls back to the source tree's, then the installed one.
std::filesystem::path findAssets(const std::string& configured) {
    // Read once at start-up, before any thread exists.
    if (const char* env = std::getenv("KIOSK_ASSETS_DIR")) {  // NOLINT(concurrency-mt-unsafe)
        return env;
    }
    for (const std::string& dir : {configured, std::string(KIOSK_SOURCE_ASSETS_DIR), std::string("/usr/share/kiosk/assets")}) {
        std::error_code ec;
        if (!dir.empty() && std::filesystem::is_directory(std::filesystem::path(dir) / "i18n", ec)) {
            if (dir != configured) {
                spdlog::warn("paths.assets_dir {} has no translations; using {}", configured, dir);
            }
            return dir;
        }
    }
    return configured;
}

// Seconds between boot and the start of this process, from /proc/self/stat field 22.
std::optional<double> processAgeSeconds() {
    std::ifstream stat("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = content.rfind(')');
    if (close == std::string::npos) {
        return std::nullopt;
    }
    std::istringstream rest(content.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
        if (i == 22) {
            const double startTicks = std::stod(field);
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            const double boot = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
            return boot - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK));
        }
    }
    return std::nullopt;
}

const char* screenName(core::Screen s) {
    switch (s) {
    case core::Screen::Attract: return "Attract";
    case core::Screen::ManualEntry: return "ManualEntry";
    case core::Screen::LookingUp: return "LookingUp";
    case core::Screen::Result: return "Result";
    case core::Screen::NotFound: return "NotFound";
    case core::Screen::InvalidCode: return "InvalidCode";
    case core::Screen::Problem: return "Problem";
    case core::Screen::Guidance: return "Guidance";
    case core::Screen::StaffPin: return "StaffPin";
    case core::Screen::StaffMenu: return "StaffMenu";
    }
    return "?";
}

ui::Language uiLanguage(core::Language l) { return l == core::Language::En ? ui::Language::En : ui::Language::Vi; }
core::Language coreLanguage(ui::Language l) { return l == ui::Language::En ? core::Language::En : core::Language::Vi; }

//-----------------------------------------------------------------------------
// [SECTION] input (GLFW callbacks)
//-----------------------------------------------------------------------------

// Set and filled by the GLFW input callbacks, read by the frame loop (UI thread only).
bool g_inputSeen = false;  // pointer or scroll: activity, and ImGui needs frames for it
bool g_keySeen = false;    // keys: activity only (no screen takes keys), so a scanner's burst is not
                           // slowed down by frames drawn between its keys
struct KeyPress {
    char32_t key;
    SteadyClock::time_point at;
};
std::vector<KeyPress> g_keys;  // characters and Enter, for the keyboard-wedge detector

void onCursor(GLFWwindow*, double, double) { g_inputSeen = true; }
void onButton(GLFWwindow*, int, int, int) { g_inputSeen = true; }
void onScroll(GLFWwindow*, double, double) { g_inputSeen = true; }
void onKey(GLFWwindow*, int key, int, int action, int) {
    g_keySeen = true;
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)) {
        g_keys.push_back({core::WedgeBurstDetector::kEnter, SteadyClock::now()});
    }
}
void onChar(GLFWwindow*, unsigned int codepoint) {
    g_keySeen = true;
    g_keys.push_back({static_cast<char32_t>(codepoint), SteadyClock::now()});
}

//-----------------------------------------------------------------------------
// [SECTION] kiosk
//-----------------------------------------------------------------------------

class Kiosk {
public:
    Kiosk(std::unique_ptr<platform::Window> window, core::Settings settings, float fontsScale)
        : m_window(std::move(window)), m_settings(std::move(settings)), m_fontsScale(fontsScale),
          m_queue([w = m_window.get()] { w->wake(); }) {
        m_assetsDir = findAssets(m_settings.paths.assetsDir);
        m_settings.paths.assetsDir = m_assetsDir.string();  // slips read the same translations
        const core::UiSettings& ui = m_settings.ui;
        m_flowConfig.idleSeconds = std::max(5, ui.idleTimeoutS);
        m_flowConfig.warningSeconds = std::max(1, ui.idleWarningS);
        m_flowConfig.dedupeSeconds = std::max(1, m_settings.scanner.dedupeSeconds);
        m_flowConfig.lookupTimeoutSeconds =
            std::max(5, (m_settings.backend.totalTimeoutMs * (m_settings.backend.retries + 2)) / 1000);
        m_flowConfig.defaultLanguage =
            core::languageFromString(m_settings.language.defaultLanguage).value_or(core::Language::Vi);
        if (m_settings.scanner.wedgeEnabled) {
            core::WedgeBurstOptions wedge;
            wedge.maxGap = std::chrono::milliseconds(std::max(5, m_settings.scanner.wedgeMaxInterkeyMs));
            wedge.minLength = static_cast<std::size_t>(std::max(1, m_settings.scanner.wedgeMinLength));
            m_wedge.emplace(wedge);
        }
        std::unique_ptr<DossierLookup> lookup;
#ifdef KIOSK_TEST_HOOKS
        if (g_kioskOptions.testLookupLatencyMs >= 0) {
            lookup = makeFixtureLookup(std::chrono::milliseconds(g_kioskOptions.testLookupLatencyMs));
        }
#endif
        m_services = std::make_unique<KioskServices>(
            m_settings, [this](core::Event e) { m_queue.post([this, e = std::move(e)] { dispatch(e); }); },
            [w = m_window.get()] { w->wake(); }, std::move(lookup));
        m_flowConfig.instanceId = m_services->instanceId();
        m_flow = core::initialFlowState(m_flowConfig, now());
        m_flow.largeText = ui.largeText;  // the office's defaults for every session
        m_flow.highContrast = ui.highContrast;
        m_fontsLarge = ui.largeText;  // runKiosk built the first atlas with it
        // The guide button appears once the catalog is indexed (a worker; a few ms for the bundled one).
        m_services->loadGuidance(m_assetsDir / "guidance" / "catalog.json",
                                 [this](std::shared_ptr<const core::guidance::GuidanceLibrary> library) {
                                     m_queue.post([this, library = std::move(library)] { setGuidance(library); });
                                 });
    }
    ~Kiosk() { m_services.reset(); }  // workers stop before the queue they post to goes away

    int run();

private:
    using Clock = SteadyClock;

    // -- setup
    bool initImGui();
    void loadLanguage(ui::Language language);
    void rebuildLook();

    // -- flow
    void handle(const ui::UiEvent& event);
    void dispatch(const core::Event& event);
    void runCommand(const core::Command& command);
    void tick();
    void feedWedge();
    void setGuidance(std::shared_ptr<const core::guidance::GuidanceLibrary> library);
    [[nodiscard]] bool pristine() const;
    [[nodiscard]] Clock::time_point now() const { return Clock::now() + m_timeOffset; }

    // -- frame
    void drawFrame();
    std::optional<ui::UiEvent> drawScreen();
    std::optional<ui::UiEvent> drawGuidance(const ui::Chrome& c);
    ui::Chrome chrome() const;
    std::string printMessage() const;
    void updatePreview();
    double secondsUntilNextWake() const;

#ifdef KIOSK_TEST_HOOKS
    void onTestCommand(const std::string& line);
    void injectTestInput();
    void saveScreenshot(const std::string& file);
    std::unique_ptr<TestControl> m_control;
    struct PendingTap {
        std::string id;
        std::string reply;  // sent once the finger is lifted and the next screen drew ("" for none)
    };
    std::deque<PendingTap> m_pendingTaps;  // taps still to do, in order
    std::string m_tapReply;
    int m_tapPhase = 0;                     // 0 idle, 1 finger over, 2 down, 3 up, 4 settle
    ImVec2 m_tapAt{};
    std::vector<std::string> m_pendingShots;
    int m_failFrames = 0;
#endif

    std::unique_ptr<platform::Window> m_window;
    core::Settings m_settings;
    std::filesystem::path m_assetsDir;
    float m_fontsScale;         // scale and large-text flag of the atlas now built
    bool m_fontsLarge = false;
    MainThreadQueue m_queue;
    std::unique_ptr<KioskServices> m_services;  // after m_queue: its workers post to it

    // -- flow state (UI thread only) and what the screens keep beside it
    core::FlowConfig m_flowConfig;
    core::FlowState m_flow;
    std::string m_symbols;               // typed on the keypad; wiped with the session
    Clock::time_point m_lookupStarted{}; // drives the spinner
    Clock::time_point m_lastTick{};
    std::optional<core::WedgeBurstDetector> m_wedge;  // null when scanner.wedge_enabled = false
    bool m_activitySeen = false;         // a tap or key since the last loop turn
    std::optional<Clock::time_point> m_readAt;  // a code was read and its result is not drawn yet

    // -- guidance (UI thread only): the library the worker handed over (null until then, or when the
    //    catalog is unusable: the guide button stays hidden), and what the session chose on its pages
    std::shared_ptr<const core::guidance::GuidanceLibrary> m_guidance;
    std::string m_guideCategory;         // home page tile; empty = all; wiped with the session
    std::string m_guideQuery;            // typed on the search keyboard; wiped with the session
    std::string m_guideQueryTimed;       // the last query whose search time was logged

    // -- camera preview (GL texture of the newest preview frame)
    PreviewFrame m_preview;
    PreviewTexture m_previewTexture;
    Clock::time_point m_lastPreviewUpload{};
    std::vector<float> m_outline;        // detected code corners while they flash
    Clock::time_point m_outlineUntil{};
    std::uint64_t m_outlineFrame = 0;

    ui::Strings m_strings;
    ui::Language m_loadedLanguage = ui::Language::Vi;
    bool m_lookNeedsRebuild = true;
    float m_scale = 1.0f;
    Clock::duration m_timeOffset{};
    int m_framesToDraw = 3;       // frames still owed after an event (ImGui settles in two)
    bool m_animating = false;     // a widget asked for another frame
    Clock::time_point m_lastFrame{};
    std::string m_clockText;      // redraw when the minute changes
    int m_idleSecondsShown = -1;  // redraw when the countdown changes
    int m_consecutiveFailures = 0;
    bool m_firstFrameLogged = false;
    std::uint64_t m_frameCount = 0;  // frames drawn, and the longest one (test hook frame-stats)
    double m_longestFrameMs = 0.0;
    double m_lastBuildMs = 0.0;      // NewFrame to Render: our code, without GL rasterisation
    double m_longestBuildMs = 0.0;
};

bool Kiosk::initImGui() {
    ImGuiIO& io = ImGui::GetIO();  // the context was made by runKiosk, which also built the fonts
    io.IniFilename = nullptr;  // nothing of a session may be written to disk
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    auto* glfw = static_cast<GLFWwindow*>(m_window->nativeHandle());
    // Our callbacks first: ImGui's backend chains to them, so we learn about input to wake and redraw.
    glfwSetCursorPosCallback(glfw, onCursor);
    glfwSetMouseButtonCallback(glfw, onButton);
    glfwSetScrollCallback(glfw, onScroll);
    glfwSetKeyCallback(glfw, onKey);
    glfwSetCharCallback(glfw, onChar);
    if (!ImGui_ImplGlfw_InitForOpenGL(glfw, true) || !ImGui_ImplOpenGL3_Init("#version 130")) {
        spdlog::error("cannot initialise the ImGui GLFW/OpenGL3 backends");
        return false;
    }
    return true;
}

void Kiosk::loadLanguage(ui::Language language) {
    const char* code = language == ui::Language::Vi ? "vi" : "en";
    auto loaded = ui::loadStringTables(m_assetsDir, code);
    if (!loaded) {
        spdlog::error("translations: {}", loaded.error().message);
        return;
    }
    m_strings = std::move(*loaded);
    m_loadedLanguage = language;
}

void Kiosk::rebuildLook() {
    const platform::PixelSize size = m_window->framebufferSize();
    m_scale = ui::scaleForWindow(size.width, size.height);
    // The atlas built while the window opened is reused when it has the right scale and size.
    if (m_scale != m_fontsScale || m_flow.largeText != m_fontsLarge) {
        auto fonts = ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, m_scale, m_flow.largeText});
        if (!fonts) {
            throw std::runtime_error(fonts.error().message);
        }
        m_fontsScale = m_scale;
        m_fontsLarge = m_flow.largeText;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(ui::ThemeOptions{m_scale, m_flow.highContrast, m_flow.largeText, static_cast<float>(m_settings.ui.touchTargetPx)});
    m_lookNeedsRebuild = false;
    if (auto age = processAgeSeconds()) {
        spdlog::debug("fonts and theme ready {:.0f} ms after process start", *age * 1000.0);
    }
}

ui::Chrome Kiosk::chrome() const {
    ui::Chrome c;
    c.text = &m_strings;
    c.officeName = m_settings.office.name;
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&t, &local);
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    c.clock = clock;
    char date[48];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
    c.date = m_strings.get("screens.date.weekday_" + std::to_string(local.tm_wday)) + ", " + date;
    c.language = uiLanguage(m_flow.language);
    c.largeText = m_flow.largeText;
    c.highContrast = m_flow.highContrast;
    return c;
}


//-----------------------------------------------------------------------------
// [SECTION] flow
//-----------------------------------------------------------------------------

// What the citizen did on a screen, as a flow event. Typed codes are read like scanned ones.
void Kiosk::handle(const ui::UiEvent& event) {
    m_framesToDraw = std::max(m_framesToDraw, 3);
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, ui::act::StartManualEntry>) {
                m_symbols.clear();
                dispatch(core::event::ManualEntryOpened{});
            } else if constexpr (std::is_same_v<E, ui::act::OpenGuide>) {
                dispatch(core::event::GuidanceOpened{});
            } else if constexpr (std::is_same_v<E, ui::act::OpenGuideSearch>) {
                dispatch(core::event::GuidanceSearchOpened{});
            } else if constexpr (std::is_same_v<E, ui::act::OpenGuideEntry>) {
                dispatch(core::event::GuidanceEntryOpened{e.id});
            } else if constexpr (std::is_same_v<E, ui::act::OpenGuideCategory>) {
                m_guideCategory = e.id;
                dispatch(core::event::UserActivity{});
            } else if constexpr (std::is_same_v<E, ui::act::EditGuideQuery>) {
                m_guideQuery = e.text;
                dispatch(core::event::UserActivity{});
            } else if constexpr (std::is_same_v<E, ui::act::PrintGuide>) {
                dispatch(core::event::PrintRequested{});
            } else if constexpr (std::is_same_v<E, ui::act::SetLanguage>) {
                dispatch(core::event::LanguageChosen{coreLanguage(e.language)});
            } else if constexpr (std::is_same_v<E, ui::act::ToggleLargeText>) {
                dispatch(core::event::LargeTextToggled{});
            } else if constexpr (std::is_same_v<E, ui::act::ToggleHighContrast>) {
                dispatch(core::event::HighContrastToggled{});
            } else if constexpr (std::is_same_v<E, ui::act::EditCode>) {
                m_symbols = e.symbols;
                dispatch(core::event::UserActivity{});
            } else if constexpr (std::is_same_v<E, ui::act::SubmitCode>) {
                dispatch(core::event::ReceiptRead{core::readReceipt(e.code, m_settings.receipt), core::InputSource::Keypad});
            } else if constexpr (std::is_same_v<E, ui::act::Back> || std::is_same_v<E, ui::act::CancelLookup>) {
                dispatch(core::event::Back{});
            } else if constexpr (std::is_same_v<E, ui::act::Done>) {
                dispatch(core::event::Done{});
            } else if constexpr (std::is_same_v<E, ui::act::Print>) {
                dispatch(core::event::PrintRequested{});
            } else if constexpr (std::is_same_v<E, ui::act::Rate>) {
                dispatch(core::event::RatingChosen{static_cast<core::RatingLevel>(std::clamp(e.level, 0, 2))});
            } else if constexpr (std::is_same_v<E, ui::act::Retry>) {
                // Problem repeats the lookup; NotFound and InvalidCode go back to the keypad.
                if (m_flow.screen == core::Screen::Problem) {
                    dispatch(core::event::Retry{});
                } else {
                    dispatch(core::event::ManualEntryOpened{});
                }
            } else if constexpr (std::is_same_v<E, ui::act::StillHere>) {
                dispatch(core::event::UserActivity{});
            }
        },
        event);
}

// Steps the flow (UI thread only) and runs what it asks for.
void Kiosk::dispatch(const core::Event& event) {
    const core::Screen screenBefore = m_flow.screen;
    const core::Language languageBefore = m_flow.language;
    const bool largeBefore = m_flow.largeText;
    const bool contrastBefore = m_flow.highContrast;
    const core::PrintStatus printBefore = m_flow.print;
    const core::RatingStatus ratingBefore = m_flow.rating;
    if (std::holds_alternative<core::event::ReceiptRead>(event)) {
        m_readAt = Clock::now();  // for the "result drawn N ms after the code was read" figure
    }
    core::Transition t = core::step(m_flow, event, now(), m_flowConfig);
    m_flow = std::move(t.state);
    for (const core::Command& command : t.commands) {
        runCommand(command);
    }
    if (m_flow.screen != screenBefore) {
        if (m_flow.screen == core::Screen::Attract) {
            // Leaving by Back wipes no session, but the next citizen starts afresh.
            m_symbols.clear();
            m_guideCategory.clear();
            m_guideQuery.clear();
        }
        if (m_flow.screen == core::Screen::Result) {
            m_services->refreshPrinterStatus();
        }
        spdlog::debug("screen {} -> {}", screenName(screenBefore), screenName(m_flow.screen));
    }
    if (m_flow.language != languageBefore) {
        loadLanguage(uiLanguage(m_flow.language));
    }
    if (m_flow.largeText != largeBefore || m_flow.highContrast != contrastBefore) {
        m_lookNeedsRebuild = true;
    }
    const bool visible = m_flow.screen != screenBefore || m_flow.language != languageBefore ||
                         m_flow.largeText != largeBefore || m_flow.highContrast != contrastBefore ||
                         m_flow.print != printBefore || m_flow.rating != ratingBefore;
    const bool quiet = std::holds_alternative<core::event::Tick>(event) || std::holds_alternative<core::event::UserActivity>(event);
    if (visible || !quiet) {
        m_framesToDraw = std::max(m_framesToDraw, 3);
    }
}

void Kiosk::runCommand(const core::Command& command) {
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
                if (entry) {
                    m_services->printGuidanceSlip(*entry, c.language);
                } else {  // the catalog was replaced under the detail page
                    m_queue.post([this] { dispatch(core::event::PrintFinished{false, "not_available"}); });
                }
            } else if constexpr (std::is_same_v<C, core::command::SendRating>) {
                m_services->sendRating(c);
            } else if constexpr (std::is_same_v<C, core::command::WipeSession>) {
                // The flow's reset knows no office defaults for the accessibility switches.
                m_flow.largeText = m_settings.ui.largeText;
                m_flow.highContrast = m_settings.ui.highContrast;
                m_symbols.clear();
                m_guideCategory.clear();
                m_guideQuery.clear();
                m_outline.clear();
                m_services->wipeSession();
                m_idleSecondsShown = -1;
                spdlog::info("session wiped");
            } else if constexpr (std::is_same_v<C, core::command::ReloadSettings>) {
                spdlog::info("settings reload requested (staff mode not built in)");
            }
        },
        command);
}

// True when nothing differs from a fresh Attract: time then has nothing to do.
bool Kiosk::pristine() const {
    return m_flow.screen == core::Screen::Attract && !m_flow.idleWarningDeadline &&
           m_flow.language == m_flowConfig.defaultLanguage && m_flow.largeText == m_settings.ui.largeText &&
           m_flow.highContrast == m_settings.ui.highContrast && m_flow.lastScanKey.empty() && !m_flow.pinLockedUntil;
}

// Time-driven changes (idle warning and reset, lookup deadline): a Tick at least once a second.
void Kiosk::tick() {
    const Clock::time_point t = now();
    if (!pristine() && t - m_lastTick >= std::chrono::milliseconds(250)) {
        m_lastTick = t;
        dispatch(core::event::Tick{});
    }
    const int secondsLeft = core::idleWarningSecondsLeft(m_flow, now()).value_or(-1);
    if (secondsLeft != m_idleSecondsShown) {
        m_idleSecondsShown = secondsLeft;
        m_framesToDraw = std::max(m_framesToDraw, secondsLeft < 0 ? 2 : 1);
    }
}

// The catalog worker's library (bundled, later perhaps the backend's) replaces the one shown. A
// detail page whose entry the new catalog lacks goes back a page.
void Kiosk::setGuidance(std::shared_ptr<const core::guidance::GuidanceLibrary> library) {
    m_guidance = std::move(library);
    m_framesToDraw = std::max(m_framesToDraw, 2);  // the guide button appears
    if (m_flow.screen == core::Screen::Guidance && m_flow.guidance.page == core::GuidancePage::Detail &&
        !m_guidance->find(m_flow.guidance.entryId)) {
        dispatch(core::event::Back{});
    }
}

// Keys typed since the last turn go through the wedge detector: a fast burst ending in Enter is a
// scan (a USB scanner typing into the window), anything slower is a person and is ignored here.
void Kiosk::feedWedge() {
    std::vector<KeyPress> keys;
    keys.swap(g_keys);
    if (!m_wedge) {
        return;
    }
    auto take = [&](core::WedgeOutput out) {
        if (out.scan) {
            spdlog::debug("wedge: a scan burst of {} bytes", out.scan->size());
            m_services->submitWedgeScan(*out.scan, Clock::now());
        }
    };
    for (const KeyPress& k : keys) {
        take(m_wedge->onKey(k.key, k.at));
    }
    take(m_wedge->poll(Clock::now()));
}

//-----------------------------------------------------------------------------
// [SECTION] views
//-----------------------------------------------------------------------------

// The Print button's text while it is not plain "Print": printing, printed, or why it failed.
std::string Kiosk::printMessage() const {
    switch (m_flow.print) {
    case core::PrintStatus::Idle: return {};
    case core::PrintStatus::Printing: return m_strings.get("flow.print.printing");
    case core::PrintStatus::Printed: return m_strings.get("flow.print.done");
    case core::PrintStatus::Failed: {
        const std::string key = "flow.print." + m_flow.printFailure;
        return m_strings.has(key) ? m_strings.get(key) : m_strings.get("flow.print.failed");
    }
    }
    return {};
}

// Uploads the newest camera preview to a GL texture: only on Attract, only when its sequence
// changed, at most 10 times a second. The copy out of the scan service is a small (<= 320x240) image.
// The outline of a detected code flashes for a moment over it.
void Kiosk::updatePreview() {
    if (!m_services->cameraConfigured() || m_flow.screen != core::Screen::Attract) {
        return;
    }
    const Clock::time_point t = Clock::now();
    if (const auto seen = m_services->lastDetection(); seen && seen->frameSequence != m_outlineFrame) {
        m_outlineFrame = seen->frameSequence;
        m_outline.clear();
        for (const auto& p : seen->points) {
            m_outline.push_back(p.x);
            m_outline.push_back(p.y);
        }
        m_outlineUntil = seen->seen + std::chrono::milliseconds(1200);
        m_framesToDraw = std::max(m_framesToDraw, 1);
    }
    if (!m_outline.empty() && t >= m_outlineUntil) {
        m_outline.clear();
        m_framesToDraw = std::max(m_framesToDraw, 1);
    }
    if (t - m_lastPreviewUpload < std::chrono::milliseconds(100) || !m_services->latestPreview(m_preview)) {
        return;
    }
    m_lastPreviewUpload = t;
    m_previewTexture.upload(m_preview.image);
    m_framesToDraw = std::max(m_framesToDraw, 1);
}

double Kiosk::secondsUntilNextWake() const {
    if (m_framesToDraw > 0 || m_animating) {
        // Limited redraw rate while something moves: 30 frames per second.
        const double since = duration<double>(Clock::now() - m_lastFrame).count();
        return std::max(0.0, 1.0 / 30.0 - since);
    }
    // Otherwise sleep until the clock's minute changes, the next tick, or keys held by the wedge
    // detector must be released. New camera previews and worker results wake the loop themselves.
    const auto wall = std::chrono::system_clock::now();
    const auto nextMinute = std::chrono::ceil<std::chrono::minutes>(wall + std::chrono::milliseconds(1));
    double wait = duration<double>(nextMinute - wall).count();
    if (!pristine()) {
        wait = std::min(wait, 0.5);
    }
    if (m_wedge && m_wedge->holding()) {
        wait = std::min(wait, duration<double>(m_wedge->options().maxGap).count() + 0.005);
    }
    if (!m_outline.empty()) {
        wait = std::min(wait, std::max(0.0, duration<double>(m_outlineUntil - Clock::now()).count()));
    }
    return std::max(0.01, wait);
}

std::optional<ui::UiEvent> Kiosk::drawScreen() {
    const ui::Chrome c = chrome();
    const core::FlowState& s = m_flow;
    const std::string code = s.reading && std::holds_alternative<core::DossierCode>(*s.reading)
                                 ? std::get<core::DossierCode>(*s.reading).value
                                 : std::string();  // a token is never shown
    std::optional<ui::UiEvent> event;
    switch (s.screen) {
    case core::Screen::ManualEntry: event = ui::drawManualEntry(ui::ManualEntryView{c, m_symbols}); break;
    case core::Screen::LookingUp:
        event = ui::drawLookingUp(ui::LookingUpView{c, code, duration<double>(now() - m_lookupStarted).count()});
        break;
    case core::Screen::Result:
        if (s.dossier) {
            const auto wallNow = std::chrono::floor<seconds>(std::chrono::system_clock::now());
            const bool printing = s.print != core::PrintStatus::Idle;
            const bool offerPrint =
                m_services->printerConfigured() && (printing || !m_services->printerKnownUnavailable());
            std::optional<int> rating;
            if (s.ratingLevel) {
                rating = static_cast<int>(*s.ratingLevel);
            }
            ui::ResultView view = ui::buildResultView(*s.dossier, c, wallNow, offerPrint, rating);
            view.printMessage = printMessage();
            view.printBusy = s.print == core::PrintStatus::Printing ||
                             (s.print == core::PrintStatus::Failed && m_services->printerKnownUnavailable());
            event = ui::drawResult(view);
        }
        break;
    case core::Screen::NotFound: event = ui::drawNotFound(ui::NotFoundView{c, code}); break;
    case core::Screen::InvalidCode:
        event = ui::drawInvalidCode(
            ui::InvalidCodeView{c, s.invalidReason ? std::string(core::toString(*s.invalidReason)) : std::string()});
        break;
    case core::Screen::Problem:
        event = ui::drawProblem(ui::ProblemView{c, s.error ? s.error->kind : core::LookupErrorKind::Offline});
        break;
    case core::Screen::Guidance:
        if (m_guidance) {
            event = drawGuidance(c);
            break;
        }
        [[fallthrough]];  // not reachable: the guide button is hidden without a catalog
    case core::Screen::Attract:
    case core::Screen::StaffPin:   // not reachable: no staff gesture yet
    case core::Screen::StaffMenu: {
        ui::AttractView view;
        view.chrome = c;
        view.guideAvailable = m_guidance != nullptr;
        view.cameraAvailable = m_services->cameraWorking();
        if (m_previewTexture.id() != nullptr) {
            view.previewTexture = m_previewTexture.id();
            view.previewWidth = m_previewTexture.width();
            view.previewHeight = m_previewTexture.height();
            view.detectedOutline = m_outline;
        }
        event = ui::drawAttract(view);
        break;
    }
    }
    if (m_idleSecondsShown >= 0) {
        // The overlay is drawn last, on top, and takes the touches.
        if (auto e = ui::drawIdleWarning(ui::IdleWarningView{c, m_idleSecondsShown})) {
            return e;
        }
        return std::nullopt;
    }
    return event;
}

// The page FlowState::guidance names. Views are rebuilt every frame like the others; the search
// answers within the frame (docs/ui.md has the figures).
std::optional<ui::UiEvent> Kiosk::drawGuidance(const ui::Chrome& c) {
    const core::guidance::GuidanceLibrary& library = *m_guidance;
    switch (m_flow.guidance.page) {
    case core::GuidancePage::Home: return ui::drawGuidanceHome(ui::buildGuidanceHomeView(library, c, m_guideCategory));
    case core::GuidancePage::Search: {
        const auto started = Clock::now();
        ui::GuidanceSearchView view = ui::buildGuidanceSearchView(library, c, m_guideQuery);
        if (m_guideQuery != m_guideQueryTimed) {  // SPDLOG_LEVEL=debug: the cost of a search, once per query
            m_guideQueryTimed = m_guideQuery;
            spdlog::debug("guidance search: {} bytes, {} results, {:.2f} ms", m_guideQuery.size(), view.results.size(),
                          duration<double, std::milli>(Clock::now() - started).count());
        }
        return ui::drawGuidanceSearch(view);
    }
    case core::GuidancePage::Detail: {
        const core::guidance::GuidanceEntry* entry = library.find(m_flow.guidance.entryId);
        if (!entry) {
            return ui::UiEvent{ui::act::Back{}};  // an id from a row of another catalog: never shown
        }
        const core::PrintStatus p = m_flow.print;
        const bool printer =
            m_services->printerConfigured() && (p != core::PrintStatus::Idle || !m_services->printerKnownUnavailable());
        const ui::PrintProgress progress = p == core::PrintStatus::Printing  ? ui::PrintProgress::Printing
                                           : p == core::PrintStatus::Printed ? ui::PrintProgress::Printed
                                           : p == core::PrintStatus::Failed  ? ui::PrintProgress::Failed
                                                                             : ui::PrintProgress::Idle;
        return ui::drawGuidanceDetail(ui::buildGuidanceDetailView(*entry, library.catalog(), c, printer, progress));
    }
    }
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] frame loop
//-----------------------------------------------------------------------------

void Kiosk::drawFrame() {
    if (m_lookNeedsRebuild) {
        rebuildLook();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
#ifdef KIOSK_TEST_HOOKS
    injectTestInput();
#endif
    const auto buildStart = Clock::now();
    ImGui::NewFrame();
    ui::beginUiFrame();
    std::optional<ui::UiEvent> event;
    try {
#ifdef KIOSK_TEST_HOOKS
        if (m_failFrames > 0) {
            --m_failFrames;
            throw std::runtime_error("frame failure injected by the test control");
        }
#endif
        event = drawScreen();
    } catch (...) {
        // Leave ImGui balanced before the frame loop handles the failure.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
        throw;
    }
    ui::endUiFrame();
    ImGui::Render();
    m_lastBuildMs = duration<double, std::milli>(Clock::now() - buildStart).count();
    const platform::PixelSize size = m_window->framebufferSize();
    glViewport(0, 0, size.width, size.height);
    const ImVec4 bg = ui::currentTheme().palette.background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
#ifdef KIOSK_TEST_HOOKS
    for (const std::string& file : m_pendingShots) {
        saveScreenshot(file);
    }
    m_pendingShots.clear();
#endif
    m_window->swapBuffers();
    m_lastFrame = Clock::now();
    m_animating = ui::takeAnimationRequest();
    if (event) {
        handle(*event);
    }
    if (!m_firstFrameLogged) {
        m_firstFrameLogged = true;
        if (auto age = processAgeSeconds()) {
            spdlog::info("first frame drawn {:.0f} ms after process start", *age * 1000.0);
        }
    }
}

int Kiosk::run() {
    if (!initImGui()) {
        return 2;
    }
    loadLanguage(uiLanguage(m_flow.language));
#ifdef KIOSK_TEST_HOOKS
    if (!g_kioskOptions.testControl.empty()) {
        m_control = TestControl::start(g_kioskOptions.testControl, m_queue,
                                       [this](const std::string& line) { onTestCommand(line); });
    }
#endif
    int exitCode = 0;
    constexpr int kMaxConsecutiveFailures = 3;
    // From here on only this thread touches ImGui and the flow state.
    while (!m_window->quitRequested()) {
        m_window->waitEvents(secondsUntilNextWake());
        m_queue.runPending();
        if (g_inputSeen || g_keySeen || m_activitySeen) {
            if (g_inputSeen) {
                m_framesToDraw = std::max(m_framesToDraw, 3);
            }
            g_inputSeen = false;
            g_keySeen = false;
            m_activitySeen = false;
            dispatch(core::event::UserActivity{});
        }
        feedWedge();
        tick();
        updatePreview();
        const std::string clock = chrome().clock;
        if (clock != m_clockText) {
            m_clockText = clock;
            m_framesToDraw = std::max(m_framesToDraw, 1);
        }
        if (m_framesToDraw == 0 && !m_animating) {
            continue;
        }
        if (m_framesToDraw > 0) {
            --m_framesToDraw;
        }
        try {
            const auto frameStart = Clock::now();
            drawFrame();
            const double ms = duration<double, std::milli>(Clock::now() - frameStart).count();
            ++m_frameCount;
            m_longestFrameMs = std::max(m_longestFrameMs, ms);
            m_longestBuildMs = std::max(m_longestBuildMs, m_lastBuildMs);
            if (ms > 50.0 && m_frameCount > 2) {  // the first frames compile shaders and upload the atlas
                spdlog::warn("slow frame: {:.1f} ms ({:.1f} ms building it)", ms, m_lastBuildMs);
            }
            m_consecutiveFailures = 0;
            if (m_readAt && m_flow.screen != core::Screen::LookingUp) {
                // Read (typed, scanned, decoded) to the outcome's first frame, swap included.
                spdlog::info("{} drawn {:.1f} ms after the code was read", screenName(m_flow.screen),
                             duration<double, std::milli>(Clock::now() - *m_readAt).count());
                m_readAt.reset();
            }
        } catch (const std::exception& e) {
            spdlog::error("frame failed: {}; back to the start screen", e.what());
            dispatch(core::event::Done{});  // wipes the session and returns to Attract
            m_framesToDraw = std::max(m_framesToDraw, 1);
            if (++m_consecutiveFailures >= kMaxConsecutiveFailures) {
                spdlog::critical("{} frames failed in a row; exiting so the supervisor restarts the kiosk",
                                 m_consecutiveFailures);
                exitCode = 70;
                break;
            }
        }
    }
    m_previewTexture.release();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exitCode;
}

//-----------------------------------------------------------------------------
// [SECTION] test hooks
//-----------------------------------------------------------------------------

#ifdef KIOSK_TEST_HOOKS
const char* ratingName(core::RatingStatus r) {
    switch (r) {
    case core::RatingStatus::NotRated: return "none";
    case core::RatingStatus::Sending: return "sending";
    case core::RatingStatus::Sent: return "sent";
    case core::RatingStatus::Failed: return "failed";
    }
    return "?";
}

const char* printName(core::PrintStatus p) {
    switch (p) {
    case core::PrintStatus::Idle: return "idle";
    case core::PrintStatus::Printing: return "printing";
    case core::PrintStatus::Printed: return "printed";
    case core::PrintStatus::Failed: return "failed";
    }
    return "?";
}

void Kiosk::onTestCommand(const std::string& line) {
    const auto space = line.find(' ');
    const std::string cmd = line.substr(0, space);
    const std::string arg = space == std::string::npos ? std::string() : line.substr(space + 1);
    // Only commands that change what is on screen cost frames: asking for the state must not
    // disturb an idle measurement.
    if (cmd == "tap" || cmd == "type" || cmd == "screenshot") {
        m_framesToDraw = std::max(m_framesToDraw, 3);
    }
    if (cmd == "state") {
        // Screen, overlay and what the session holds (never its content: no personal data).
        const core::FlowState& s = m_flow;
        std::string print = printName(s.print);
        if (s.print == core::PrintStatus::Failed) {
            print += ":" + s.printFailure;
        }
        std::string page;  // Guidance: which page, and the entry on Detail (catalog ids are not personal)
        if (s.screen == core::Screen::Guidance) {
            switch (s.guidance.page) {
            case core::GuidancePage::Home: page = " page=home"; break;
            case core::GuidancePage::Search: page = " page=search"; break;
            case core::GuidancePage::Detail: page = " page=detail entry=" + s.guidance.entryId; break;
            }
        }
        m_control->reply(std::string("state ") + screenName(s.screen) + page + (m_idleSecondsShown >= 0 ? " idle-warning" : "") +
                         " lang=" + (s.language == core::Language::Vi ? "vi" : "en") + " large=" + (s.largeText ? "1" : "0") +
                         " contrast=" + (s.highContrast ? "1" : "0") + " typed=" + std::to_string(m_symbols.size()) +
                         " dossier=" + (s.dossier ? "1" : "0") +
                         " rating=" + (s.ratingLevel ? std::to_string(static_cast<int>(*s.ratingLevel)) : "-") +
                         " rated=" + ratingName(s.rating) + " print=" + print + " printer=" +
                         (!m_services->printerConfigured() ? "none" : m_services->printerKnownUnavailable() ? "out" : "ok") +
                         " lookups=" + std::to_string(s.lookupRequestId) +
                         " guide=" + (m_guidance ? std::to_string(m_guidance->catalog().entries.size()) : std::string("0")) +
                         " query=" + std::to_string(m_guideQuery.size()));
    } else if (cmd == "tap") {
        m_pendingTaps.push_back(PendingTap{arg, "ok tap " + arg});
    } else if (cmd == "type") {
        const std::string symbols = ui::code_entry::symbolsFromText(arg);
        for (std::size_t i = 0; i < symbols.size(); ++i) {
            m_pendingTaps.push_back(
                PendingTap{std::string("key-") + symbols[i], i + 1 == symbols.size() ? "ok type " + arg : std::string()});
        }
        if (symbols.empty()) {
            m_control->reply("ok type");
        }
    } else if (cmd == "screenshot") {
        m_pendingShots.push_back(arg);
    } else if (cmd == "advance-time") {
        m_timeOffset += std::chrono::duration_cast<Clock::duration>(duration<double>(std::stod(arg)));
        m_control->reply("ok advance-time " + arg);
    } else if (cmd == "frame-stats") {
        char buf[128];
        std::snprintf(buf, sizeof buf, "frames %llu longest_ms %.2f longest_build_ms %.2f",
                      static_cast<unsigned long long>(m_frameCount), m_longestFrameMs, m_longestBuildMs);
        m_control->reply(buf);
        if (arg == "reset") {
            m_frameCount = 0;
            m_longestFrameMs = 0.0;
            m_longestBuildMs = 0.0;
        }
    } else if (cmd == "fail-frames") {
        // Makes the next N frames throw, to test the per-frame recovery and the exit after repeats.
        int frames = 0;
        if (std::from_chars(arg.data(), arg.data() + arg.size(), frames).ec != std::errc{}) frames = 0;
        m_failFrames = std::max(0, frames);
        m_control->reply("ok fail-frames " + arg);
    } else if (cmd == "quit") {
        m_control->reply("ok quit");
        m_window->requestQuit();
    } else {
        m_control->reply("error unknown command " + cmd);
    }
}


// Replaces the real pointer for the frames of a synthetic tap: over, down, up (one frame each).
void Kiosk::injectTestInput() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_tapPhase == 0 && !m_pendingTaps.empty()) {
        const PendingTap tap = m_pendingTaps.front();
        m_pendingTaps.pop_front();
        const auto& targets = ui::tapTargets();
        auto it = targets.find(tap.id);
        if (it == targets.end() || !it->second.enabled) {
            m_control->reply("error no button " + tap.id);
            m_pendingTaps.clear();
        } else {
            m_tapReply = tap.reply;
            m_tapAt = ImVec2((it->second.min.x + it->second.max.x) * 0.5f, (it->second.min.y + it->second.max.y) * 0.5f);
            m_tapPhase = 1;
        }
    }
    if (m_tapPhase > 0) {
        // Phase 4 lifts nothing: it lets the screen the tap led to draw once, so the next tap
        // finds that screen's buttons.
        io.MousePos = m_tapAt;
        io.MouseDown[0] = m_tapPhase == 2;
        if (m_tapPhase <= 3) {
            m_activitySeen = true;  // a finger on the screen is activity
        }
        if (m_tapPhase == 4 && !m_tapReply.empty()) {
            m_control->reply(m_tapReply);
            m_tapReply.clear();
        }
        m_tapPhase = m_tapPhase == 4 ? 0 : m_tapPhase + 1;
        m_framesToDraw = std::max(m_framesToDraw, 3);
    }
}

void Kiosk::saveScreenshot(const std::string& file) {
    const platform::PixelSize size = m_window->framebufferSize();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.width, size.height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    const bool ok = stbi_write_png(file.c_str(), size.width, size.height, 4, pixels.data(), size.width * 4) != 0;
    m_control->reply((ok ? "ok screenshot " : "error screenshot ") + file);
}
#endif


}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] runKiosk
//-----------------------------------------------------------------------------

void registerKioskOptions(CLI::App& cli) {
    cli.add_option("--window-size", g_kioskOptions.windowSize, "Window size WxH with --windowed (default 1280x720)");
#ifdef KIOSK_TEST_HOOKS
    cli.add_option("--test-control", g_kioskOptions.testControl, "Test builds: FIFO for the automation interface");
    cli.add_option("--test-lookup", g_kioskOptions.testLookupLatencyMs,
                   "Test builds: answer lookups from the sample dossiers after MS milliseconds");
#endif
}

int runKiosk(const GlobalOptions& options) {
    // 0. SPDLOG_LEVEL=debug shows the startup timings.
    spdlog::cfg::load_env_levels();

    // 1. Settings: defaults < fleet file < local file < command line. A bad file stops the start
    //    with every problem named (FILE:LINE: KEY: message); the supervisor shows the exit code.
    auto loaded = loadSettingsFor(options);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        spdlog::critical("configuration is invalid; not starting");
        return 2;
    }
    core::Settings settings = std::move(loaded->settings);

    // 2. Window: fullscreen on the primary monitor (ui.fullscreen), or a development window
    //    (--windowed always wins).
    platform::WindowOptions windowOptions;
    const bool windowed = options.windowed || !settings.ui.fullscreen;
    windowOptions.fullscreen = !windowed;
    windowOptions.hideCursor = settings.ui.hideCursor && !windowed;
    windowOptions.title = "Kiosk";
    if (windowed) {
        int w = 0;
        int h = 0;
        // from_chars, not sscanf: "%d" is undefined behaviour for a number that does not fit an int.
        const std::string& size = g_kioskOptions.windowSize;
        const char* end = size.data() + size.size();
        const auto [afterW, ecW] = std::from_chars(size.data(), end, w);
        const bool parsed = ecW == std::errc{} && afterW != end && *afterW == 'x' &&
                            std::from_chars(afterW + 1, end, h) == std::from_chars_result{end, std::errc{}};
        if (!parsed || w < 320 || h < 320 || w > 8192 || h > 8192) {
            spdlog::error("--window-size must look like 1920x1080, got '{}'", g_kioskOptions.windowSize);
            return 2;
        }
        windowOptions.width = w;
        windowOptions.height = h;
    }
    // The font atlas (~50 ms of CPU) is built on a thread while the GL context is created; the
    // context is made first and not touched by this thread until the atlas is done.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    const platform::PixelSize expected =
        windowed ? platform::PixelSize{windowOptions.width, windowOptions.height} : platform::primaryMonitorSize();
    const float fontsScale = ui::scaleForWindow(expected.width, expected.height);
    const bool largeText = settings.ui.largeText;
    auto fontsReady = std::async(std::launch::async, [fontsScale, largeText] {
        return ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, fontsScale, largeText});
    });
    auto window = platform::createGlfwWindow(windowOptions);
    auto fonts = fontsReady.get();
    if (!fonts) {
        spdlog::error("fonts: {}", fonts.error().message);
        ImGui::DestroyContext();
        return 2;
    }
    if (!window) {
        spdlog::error("window: {}", window.error().message);
        ImGui::DestroyContext();
        return 2;
    }
    if (auto age = processAgeSeconds()) {
        spdlog::debug("window open {:.0f} ms after process start", *age * 1000.0);
    }

    // 3. The screen and its services (lookups, printer, camera, scanners), then the frame loop until
    //    staff mode ends it.
    Kiosk kiosk(std::move(*window), std::move(settings), fontsScale);
    return kiosk.run();
}

}  // namespace kiosk::app
