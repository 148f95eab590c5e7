#pragma once
// InputCollector: the kiosk's own view of GLFW input, gathered in one object (the window's user
// pointer) instead of globals. It learns of pointer and key activity (to wake, redraw and keep the
// session alive) and keeps typed characters for the keyboard-wedge detector. ImGui's GLFW backend is
// installed after it and chains to these callbacks, so ImGui still sees everything. UI thread only.

#include <chrono>
#include <vector>

struct GLFWwindow;

namespace kiosk::app {

struct KeyPress {
    char32_t key;  ///< a character, or core::WedgeBurstDetector::kEnter
    std::chrono::steady_clock::time_point at;
};

class InputCollector {
public:
    /// What arrived since the last take().
    struct Input {
        bool pointer = false;  ///< pointer moved, pressed or scrolled (ImGui needs frames for it)
        bool keys = false;     ///< a key or character (activity only: no screen takes keys)
        std::vector<KeyPress> typed;
    };

    /// Sets the window's user pointer to this collector and installs its callbacks. Call before
    /// ImGui_ImplGlfw_InitForOpenGL(window, true).
    void install(GLFWwindow* window);
    /// Hands over and clears what was collected.
    Input take();

private:
    static void onCursor(GLFWwindow* window, double x, double y);
    static void onButton(GLFWwindow* window, int button, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onChar(GLFWwindow* window, unsigned int codepoint);
    static InputCollector& of(GLFWwindow* window);

    Input m_input;
};

}  // namespace kiosk::app
