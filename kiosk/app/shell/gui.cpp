#include "kiosk/app/shell/gui.hpp"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::app {

Gui::Gui(platform::Window& window, float fontsScale, bool fontsLarge, int touchTargetPx)
    : m_window(window), m_fontsScale(fontsScale), m_fontsLarge(fontsLarge), m_touchTargetPx(touchTargetPx),
      m_largeText(fontsLarge) {}

Gui::~Gui() {
    if (m_started) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
}

bool Gui::start(InputCollector& input) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of a session may be written to disk
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    auto* glfw = static_cast<GLFWwindow*>(m_window.nativeHandle());
    input.install(glfw);  // first: ImGui's backend chains to these callbacks
    if (!ImGui_ImplGlfw_InitForOpenGL(glfw, true)) {
        spdlog::error("cannot initialise the ImGui GLFW backend");
        return false;
    }
    if (!ImGui_ImplOpenGL3_Init("#version 130")) {
        spdlog::error("cannot initialise the ImGui OpenGL3 backend");
        ImGui_ImplGlfw_Shutdown();
        return false;
    }
    m_started = true;
    return true;
}

void Gui::setLook(bool largeText, bool highContrast) {
    if (largeText != m_largeText || highContrast != m_highContrast) {
        m_largeText = largeText;
        m_highContrast = highContrast;
        m_lookDirty = true;
    }
}

void Gui::beginFrame() {
    if (m_lookDirty) rebuildLook();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Gui::rebuildLook() {
    const platform::PixelSize size = m_window.framebufferSize();
    const float scale = ui::scaleForWindow(size.width, size.height);
    // The atlas built while the window opened is reused when it has the right scale and size.
    if (scale != m_fontsScale || m_largeText != m_fontsLarge) {
        auto fonts = ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, scale, m_largeText});
        if (!fonts) throw std::runtime_error(fonts.error().message);
        m_fontsScale = scale;
        m_fontsLarge = m_largeText;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(ui::ThemeOptions{scale, m_highContrast, m_largeText, static_cast<float>(m_touchTargetPx)});
    m_lookDirty = false;
    spdlog::debug("fonts and theme ready {:.0f} ms after process start", processAgeSeconds() * 1000.0);
}

void Gui::render() {
    ImGui::Render();
    const platform::PixelSize size = m_window.framebufferSize();
    glViewport(0, 0, size.width, size.height);
    const ImVec4 bg = ui::currentTheme().palette.background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

double processAgeSeconds() {
    // Field 22 of /proc/self/stat: the start time in clock ticks after boot.
    std::ifstream stat("/proc/self/stat");
    const std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = content.rfind(')');
    if (close == std::string::npos) return 0.0;
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
    return 0.0;
}

}  // namespace kiosk::app
