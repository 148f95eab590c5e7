// GLFW backend of platform::Window.
//  [x] Fullscreen on the primary monitor at its current (native) video mode, no decorations
//  [x] Windowed mode of a given size for development
//  [x] Close requests and Alt+F4 ignored (logged); only requestQuit() ends the loop
//  [x] Hidden cursor when configured
//  [x] OpenGL 3.0 context, vsync on
//  [x] waitEvents with timeout (glfwWaitEventsTimeout), wake() from any thread (glfwPostEmptyEvent)
#include "platform/window.hpp"

#include <GLFW/glfw3.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <string>

namespace platform {
namespace {

std::string g_lastGlfwError;  // written by the error callback, read right after the failing call

void onGlfwError(int code, const char* description) {
    g_lastGlfwError = std::to_string(code) + ": " + (description ? description : "?");
    spdlog::warn("glfw: {}", g_lastGlfwError);
}

void onCloseRequest(GLFWwindow* window) {
    // The kiosk may only be left through staff mode: undo the request.
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    spdlog::info("window: close request ignored (use staff mode to quit)");
}

class GlfwWindow final : public Window {
public:
    explicit GlfwWindow(GLFWwindow* window) : m_window(window) {}
    ~GlfwWindow() override {
        glfwDestroyWindow(m_window);
        glfwTerminate();
    }
    GlfwWindow(const GlfwWindow&) = delete;
    GlfwWindow& operator=(const GlfwWindow&) = delete;

    void waitEvents(double timeoutSeconds) override {
        if (timeoutSeconds <= 0.0) {
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(timeoutSeconds);
        }
    }
    void wake() override { glfwPostEmptyEvent(); }
    void swapBuffers() override { glfwSwapBuffers(m_window); }
    [[nodiscard]] PixelSize framebufferSize() const override {
        PixelSize size;
        glfwGetFramebufferSize(m_window, &size.width, &size.height);
        return size;
    }
    [[nodiscard]] bool quitRequested() const override { return m_quit.load(); }
    void requestQuit() override {
        m_quit.store(true);
        glfwPostEmptyEvent();
    }
    [[nodiscard]] void* nativeHandle() const override { return m_window; }

private:
    GLFWwindow* m_window;
    std::atomic<bool> m_quit{false};
};

}  // namespace

PixelSize primaryMonitorSize() {
    glfwSetErrorCallback(onGlfwError);
    if (glfwInit() != GLFW_TRUE) {
        return {};
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    return mode ? PixelSize{mode->width, mode->height} : PixelSize{};
}

kiosk::core::Result<std::unique_ptr<Window>> createWindow(const WindowOptions& options) {
    glfwSetErrorCallback(onGlfwError);
    if (glfwInit() != GLFW_TRUE) {
        return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable,
                                 "cannot initialise GLFW (no display?): " + g_lastGlfwError);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);

    GLFWwindow* window = nullptr;
    if (options.fullscreen) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) {
            glfwTerminate();
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "no primary monitor: " + g_lastGlfwError);
        }
        // Matching the current mode keeps the monitor at its native resolution (no mode switch).
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
        window = glfwCreateWindow(mode->width, mode->height, options.title.c_str(), monitor, nullptr);
    } else {
        glfwWindowHint(GLFW_DECORATED, GLFW_TRUE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    }
    if (window == nullptr) {
        glfwTerminate();
        return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable,
                                 "cannot create an OpenGL 3.0 window: " + g_lastGlfwError);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    glfwSetWindowCloseCallback(window, onCloseRequest);
    if (options.hideCursor) {
        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }
    return std::unique_ptr<Window>(std::make_unique<GlfwWindow>(window));
}

}  // namespace platform
