// The kiosk screen: composition root and frame loop.
// Index: [SECTION] options, [SECTION] session (interim flow), [SECTION] views, [SECTION] kiosk
// (ImGui setup, input, frame loop), [SECTION] runKiosk.
//
// The session section is a stand-in for the core flow state machine (kiosk/core/flow: step()) until
// it lands: it keeps the same shape (events in, screen state out) so that swapping it is local.
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

#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/app/lookup_port.hpp"
#include "kiosk/app/main_thread_queue.hpp"
#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/fonts.hpp"
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

// Settings the screen needs. Defaults until the configuration module (kiosk/core/config) lands.
struct ScreenSettings {
    std::string officeName = "Trung tâm Phục vụ hành chính công";
    seconds idleAfter{60};   // no touch for this long on a citizen screen: warning overlay
    seconds warnFor{20};     // countdown of the warning, then the session is wiped
    float touchTargetPx = 96.0f;
    bool hideCursor = true;  // in fullscreen
    std::filesystem::path assetsDir = KIOSK_SOURCE_ASSETS_DIR;
};

std::filesystem::path findAssets() {
    if (const char* env = std::getenv("KIOSK_ASSETS_DIR")) {
        return env;
    }
    for (const char* dir : {KIOSK_SOURCE_ASSETS_DIR, "/usr/share/kiosk/assets"}) {
        std::error_code ec;
        if (std::filesystem::is_directory(std::filesystem::path(dir) / "i18n", ec)) {
            return dir;
        }
    }
    return KIOSK_SOURCE_ASSETS_DIR;
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

//-----------------------------------------------------------------------------
// [SECTION] session (interim flow)
//-----------------------------------------------------------------------------

enum class Screen { Attract, ManualEntry, LookingUp, Result, NotFound, InvalidCode, Problem };

const char* screenName(Screen s) {
    switch (s) {
    case Screen::Attract: return "Attract";
    case Screen::ManualEntry: return "ManualEntry";
    case Screen::LookingUp: return "LookingUp";
    case Screen::Result: return "Result";
    case Screen::NotFound: return "NotFound";
    case Screen::InvalidCode: return "InvalidCode";
    case Screen::Problem: return "Problem";
    }
    return "?";
}

// Everything one citizen's visit leaves behind; wiped as a whole when the visit ends.
struct Session {
    Screen screen = Screen::Attract;
    std::string symbols;                  // typed on the keypad
    std::string code;                     // the code looked up
    std::optional<core::Dossier> dossier; // masked by core; still wiped at the end
    core::LookupErrorKind problem = core::LookupErrorKind::Offline;
    std::string invalidReason;
    std::optional<int> rating;
    SteadyClock::time_point lookupStarted{};
    std::uint64_t lookupId = 0;
    ui::Language language = ui::Language::Vi;
    bool largeText = false;
    bool highContrast = false;
};

//-----------------------------------------------------------------------------
// [SECTION] kiosk
//-----------------------------------------------------------------------------

bool g_inputSeen = false;  // set by the GLFW input callbacks (UI thread only)

void onCursor(GLFWwindow*, double, double) { g_inputSeen = true; }
void onButton(GLFWwindow*, int, int, int) { g_inputSeen = true; }
void onScroll(GLFWwindow*, double, double) { g_inputSeen = true; }
void onKey(GLFWwindow*, int, int, int, int) { g_inputSeen = true; }
void onChar(GLFWwindow*, unsigned int) { g_inputSeen = true; }

class Kiosk {
public:
    Kiosk(std::unique_ptr<platform::Window> window, ScreenSettings settings, std::string backendUrl, bool printer,
          float fontsScale)
        : m_window(std::move(window)), m_settings(std::move(settings)), m_printer(printer), m_fontsScale(fontsScale),
          m_queue([w = m_window.get()] { w->wake(); }) {
#ifdef KIOSK_TEST_HOOKS
        if (g_kioskOptions.testLookupLatencyMs >= 0) {
            m_lookup = makeFixtureLookup(m_queue, std::chrono::milliseconds(g_kioskOptions.testLookupLatencyMs));
            return;
        }
#endif
        m_lookup = makeLookupPort(backendUrl, m_queue);
    }

    int run();

private:
    using Clock = SteadyClock;

    // -- setup
    bool initImGui();
    void loadLanguage(ui::Language language);
    void rebuildLook();

    // -- session
    void handle(const ui::UiEvent& event);
    void startLookup();
    void endSession(const char* why);
    void tick();
    [[nodiscard]] Clock::time_point now() const { return Clock::now() + m_timeOffset; }

    // -- frame
    void drawFrame();
    std::optional<ui::UiEvent> drawScreen();
    ui::Chrome chrome() const;
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
    ScreenSettings m_settings;
    bool m_printer;
    float m_fontsScale;         // scale and large-text flag of the atlas now built
    bool m_fontsLarge = false;
    MainThreadQueue m_queue;
    std::unique_ptr<LookupPort> m_lookup;
    Session m_session;
    ui::Strings m_strings;
    bool m_lookNeedsRebuild = true;
    float m_scale = 1.0f;
    Clock::time_point m_lastInput = Clock::now();
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
    auto loaded = ui::loadStringTables(m_settings.assetsDir, code);
    if (!loaded) {
        spdlog::error("translations: {}", loaded.error().message);
        return;
    }
    m_strings = std::move(*loaded);
}

void Kiosk::rebuildLook() {
    const platform::PixelSize size = m_window->framebufferSize();
    m_scale = ui::scaleForWindow(size.width, size.height);
    // The atlas built while the window opened is reused when it has the right scale and size.
    if (m_scale != m_fontsScale || m_session.largeText != m_fontsLarge) {
        auto fonts = ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, m_scale, m_session.largeText});
        if (!fonts) {
            throw std::runtime_error(fonts.error().message);
        }
        m_fontsScale = m_scale;
        m_fontsLarge = m_session.largeText;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(ui::ThemeOptions{m_scale, m_session.highContrast, m_session.largeText, m_settings.touchTargetPx});
    m_lookNeedsRebuild = false;
    if (auto age = processAgeSeconds()) {
        spdlog::debug("fonts and theme ready {:.0f} ms after process start", *age * 1000.0);
    }
}

ui::Chrome Kiosk::chrome() const {
    ui::Chrome c;
    c.text = &m_strings;
    c.officeName = m_settings.officeName;
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&t, &local);
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    c.clock = clock;
    char date[48];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
    c.date = m_strings.get("screens.date.weekday_" + std::to_string(local.tm_wday)) + ", " + date;
    c.language = m_session.language;
    c.largeText = m_session.largeText;
    c.highContrast = m_session.highContrast;
    return c;
}

void Kiosk::handle(const ui::UiEvent& event) {
    m_framesToDraw = std::max(m_framesToDraw, 3);
    Session& s = m_session;
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, ui::act::StartManualEntry>) {
                s.screen = Screen::ManualEntry;
                s.symbols.clear();
            } else if constexpr (std::is_same_v<E, ui::act::OpenGuide>) {
                spdlog::info("online-services guide requested (guidance screen not built in)");
            } else if constexpr (std::is_same_v<E, ui::act::SetLanguage>) {
                if (s.language != e.language) {
                    s.language = e.language;
                    loadLanguage(s.language);
                }
            } else if constexpr (std::is_same_v<E, ui::act::ToggleLargeText>) {
                s.largeText = !s.largeText;
                m_lookNeedsRebuild = true;
            } else if constexpr (std::is_same_v<E, ui::act::ToggleHighContrast>) {
                s.highContrast = !s.highContrast;
                m_lookNeedsRebuild = true;
            } else if constexpr (std::is_same_v<E, ui::act::EditCode>) {
                s.symbols = e.symbols;
            } else if constexpr (std::is_same_v<E, ui::act::SubmitCode>) {
                if (ui::code_entry::isComplete(ui::code_entry::symbolsFromText(e.code))) {
                    s.code = e.code;
                    startLookup();
                } else {
                    s.invalidReason = "bad_code_format";
                    s.screen = Screen::InvalidCode;
                }
            } else if constexpr (std::is_same_v<E, ui::act::Back>) {
                s.screen = Screen::Attract;
                s.symbols.clear();
            } else if constexpr (std::is_same_v<E, ui::act::CancelLookup>) {
                m_lookup->cancel();
                ++s.lookupId;  // a late answer is dropped
                s.screen = s.symbols.empty() ? Screen::Attract : Screen::ManualEntry;
            } else if constexpr (std::is_same_v<E, ui::act::Done>) {
                endSession("done");
            } else if constexpr (std::is_same_v<E, ui::act::Print>) {
                spdlog::info("print requested (printing not built in)");
            } else if constexpr (std::is_same_v<E, ui::act::Rate>) {
                if (!s.rating && s.screen == Screen::Result) {
                    s.rating = e.level;
                    m_lookup->rate(s.code, e.level);
                }
            } else if constexpr (std::is_same_v<E, ui::act::Retry>) {
                if (s.screen == Screen::Problem && !s.code.empty()) {
                    startLookup();
                } else {
                    s.screen = Screen::ManualEntry;
                }
            } else if constexpr (std::is_same_v<E, ui::act::StillHere>) {
                m_lastInput = now();
            }
        },
        event);
}

void Kiosk::startLookup() {
    Session& s = m_session;
    s.screen = Screen::LookingUp;
    s.lookupStarted = now();
    const std::uint64_t id = ++s.lookupId;
    m_lookup->start(s.code, [this, id](LookupOutcome outcome) {
        Session& session = m_session;
        if (id != session.lookupId || session.screen != Screen::LookingUp) {
            return;  // cancelled, or the session ended meanwhile
        }
        m_framesToDraw = std::max(m_framesToDraw, 3);
        m_lastInput = now();  // the citizen gets the full idle time to read the answer
        if (outcome) {
            session.dossier = std::move(*outcome);
            session.rating.reset();
            session.screen = Screen::Result;
        } else if (outcome.error().kind == core::LookupErrorKind::NotFound) {
            session.screen = Screen::NotFound;
        } else {
            spdlog::warn("lookup failed: {} (HTTP {})", outcome.error().diagnostic, outcome.error().httpStatus);
            session.problem = outcome.error().kind;
            session.screen = Screen::Problem;
        }
    });
}

void Kiosk::endSession(const char* why) {
    if (m_session.screen == Screen::LookingUp) {
        m_lookup->cancel();
    }
    const Screen endedOn = m_session.screen;
    const bool lookChanged = m_session.largeText || m_session.highContrast;
    const bool languageChanged = m_session.language != ui::Language::Vi;
    const std::uint64_t nextLookupId = m_session.lookupId + 1;  // a late answer is dropped
    m_session = Session{};  // wipes dossier, code, typed text, rating, language and switches
    m_session.lookupId = nextLookupId;
    if (lookChanged) {
        m_lookNeedsRebuild = true;
    }
    if (languageChanged) {
        loadLanguage(ui::Language::Vi);
    }
    m_idleSecondsShown = -1;
    m_framesToDraw = std::max(m_framesToDraw, 3);
    spdlog::info("session ended ({}) on {}", why, screenName(endedOn));
}

// Time-driven changes: idle warning and reset.
void Kiosk::tick() {
    const Screen screen = m_session.screen;
    if (screen == Screen::Attract || screen == Screen::LookingUp) {
        m_idleSecondsShown = -1;
        return;
    }
    const auto idle = now() - m_lastInput;
    if (idle >= m_settings.idleAfter + m_settings.warnFor) {
        endSession("idle");
        return;
    }
    if (idle >= m_settings.idleAfter) {
        const auto left = std::chrono::ceil<seconds>(m_settings.idleAfter + m_settings.warnFor - idle);
        const int secondsLeft = static_cast<int>(left.count());
        if (secondsLeft != m_idleSecondsShown) {
            m_idleSecondsShown = secondsLeft;
            m_framesToDraw = std::max(m_framesToDraw, 1);
        }
    } else if (m_idleSecondsShown >= 0) {
        m_idleSecondsShown = -1;
        m_framesToDraw = std::max(m_framesToDraw, 2);
    }
}

double Kiosk::secondsUntilNextWake() const {
    if (m_framesToDraw > 0 || m_animating) {
        // Limited redraw rate while something moves: 30 frames per second.
        const double since = duration<double>(Clock::now() - m_lastFrame).count();
        return std::max(0.0, 1.0 / 30.0 - since);
    }
    // Otherwise sleep until the clock's minute changes or an idle deadline passes.
    const auto wall = std::chrono::system_clock::now();
    const auto nextMinute = std::chrono::ceil<std::chrono::minutes>(wall + std::chrono::milliseconds(1));
    double wait = duration<double>(nextMinute - wall).count();
    if (m_session.screen != Screen::Attract && m_session.screen != Screen::LookingUp) {
        const auto idle = now() - m_lastInput;
        const auto warnAt = m_settings.idleAfter;
        if (idle < warnAt) {
            wait = std::min(wait, duration<double>(warnAt - idle).count());
        } else {
            wait = std::min(wait, 1.0 - std::fmod(duration<double>(idle - warnAt).count(), 1.0));
        }
    }
    return std::max(0.01, wait);
}

std::optional<ui::UiEvent> Kiosk::drawScreen() {
    const ui::Chrome c = chrome();
    const Session& s = m_session;
    std::optional<ui::UiEvent> event;
    switch (s.screen) {
    case Screen::Attract: {
        ui::AttractView view{c};
        view.guideAvailable = false;  // until the guidance screen is built in
        event = ui::drawAttract(view);
        break;
    }
    case Screen::ManualEntry: event = ui::drawManualEntry(ui::ManualEntryView{c, s.symbols}); break;
    case Screen::LookingUp:
        event = ui::drawLookingUp(ui::LookingUpView{c, s.code, duration<double>(now() - s.lookupStarted).count()});
        break;
    case Screen::Result:
        if (s.dossier) {
            const auto wallNow = std::chrono::floor<seconds>(std::chrono::system_clock::now());
            event = ui::drawResult(ui::buildResultView(*s.dossier, c, wallNow, m_printer, s.rating));
        }
        break;
    case Screen::NotFound: event = ui::drawNotFound(ui::NotFoundView{c, s.code}); break;
    case Screen::InvalidCode: event = ui::drawInvalidCode(ui::InvalidCodeView{c, s.invalidReason}); break;
    case Screen::Problem: event = ui::drawProblem(ui::ProblemView{c, s.problem}); break;
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
    loadLanguage(ui::Language::Vi);
#ifdef KIOSK_TEST_HOOKS
    if (!g_kioskOptions.testControl.empty()) {
        m_control = TestControl::start(g_kioskOptions.testControl, m_queue,
                                       [this](const std::string& line) { onTestCommand(line); });
    }
#endif
    int exitCode = 0;
    constexpr int kMaxConsecutiveFailures = 3;
    // From here on only this thread touches ImGui.
    while (!m_window->quitRequested()) {
        m_window->waitEvents(secondsUntilNextWake());
        m_queue.runPending();
        if (g_inputSeen) {
            g_inputSeen = false;
            m_lastInput = now();
            m_framesToDraw = std::max(m_framesToDraw, 3);
        }
        tick();
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
        } catch (const std::exception& e) {
            spdlog::error("frame failed: {}; back to the start screen", e.what());
            endSession("frame failure");
            m_framesToDraw = std::max(m_framesToDraw, 1);
            if (++m_consecutiveFailures >= kMaxConsecutiveFailures) {
                spdlog::critical("{} frames failed in a row; exiting so the supervisor restarts the kiosk",
                                 m_consecutiveFailures);
                exitCode = 70;
                break;
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exitCode;
}

#ifdef KIOSK_TEST_HOOKS
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
        const Session& s = m_session;
        m_control->reply(std::string("state ") + screenName(s.screen) + (m_idleSecondsShown >= 0 ? " idle-warning" : "") +
                         " lang=" + (s.language == ui::Language::Vi ? "vi" : "en") + " large=" + (s.largeText ? "1" : "0") +
                         " contrast=" + (s.highContrast ? "1" : "0") + " typed=" + std::to_string(s.symbols.size()) +
                         " dossier=" + (s.dossier ? "1" : "0") + " rating=" + (s.rating ? std::to_string(*s.rating) : "-"));
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
        m_failFrames = std::max(0, std::atoi(arg.c_str()));
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
            m_lastInput = now();  // a finger on the screen is activity
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

    // 1. Settings for the screen (configuration file support comes with kiosk/core/config).
    ScreenSettings settings;
    settings.assetsDir = findAssets();
    if (const char* idle = std::getenv("KIOSK_IDLE_SECONDS")) {
        settings.idleAfter = seconds(std::max(5, std::atoi(idle)));
    }

    // 2. Window: fullscreen on the primary monitor, or a development window.
    platform::WindowOptions windowOptions;
    windowOptions.fullscreen = !options.windowed;
    windowOptions.hideCursor = settings.hideCursor && !options.windowed;
    windowOptions.title = "Kiosk";
    if (options.windowed) {
        int w = 0;
        int h = 0;
        if (std::sscanf(g_kioskOptions.windowSize.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 320 || w > 8192 ||
            h > 8192) {
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
        options.windowed ? platform::PixelSize{windowOptions.width, windowOptions.height} : platform::primaryMonitorSize();
    const float fontsScale = ui::scaleForWindow(expected.width, expected.height);
    auto fontsReady = std::async(std::launch::async, [fontsScale] {
        return ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, fontsScale, false});
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

    // 3. The screen and its services, then the frame loop until staff mode ends it.
    Kiosk kiosk(std::move(*window), std::move(settings), options.backend.value_or(""), options.printer.has_value(),
                fontsScale);
    return kiosk.run();
}

}  // namespace kiosk::app
