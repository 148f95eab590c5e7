#include "kiosk/app/shell/input.hpp"

#include <GLFW/glfw3.h>

#include "kiosk/core/scan/wedge_burst_detector.hpp"

namespace kiosk::app {

void InputCollector::install(GLFWwindow* window) {
    glfwSetWindowUserPointer(window, this);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetMouseButtonCallback(window, onButton);
    glfwSetScrollCallback(window, onScroll);
    glfwSetKeyCallback(window, onKey);
    glfwSetCharCallback(window, onChar);
}

InputCollector::Input InputCollector::take() {
    Input out = std::move(m_input);
    m_input = {};
    return out;
}

InputCollector& InputCollector::of(GLFWwindow* window) { return *static_cast<InputCollector*>(glfwGetWindowUserPointer(window)); }

void InputCollector::onCursor(GLFWwindow* window, double, double) { of(window).m_input.pointer = true; }
void InputCollector::onButton(GLFWwindow* window, int, int, int) { of(window).m_input.pointer = true; }
void InputCollector::onScroll(GLFWwindow* window, double, double) { of(window).m_input.pointer = true; }

void InputCollector::onKey(GLFWwindow* window, int key, int, int action, int) {
    Input& in = of(window).m_input;
    in.keys = true;
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)) {
        in.typed.push_back({core::WedgeBurstDetector::kEnter, std::chrono::steady_clock::now()});
    }
}

void InputCollector::onChar(GLFWwindow* window, unsigned int codepoint) {
    Input& in = of(window).m_input;
    in.keys = true;
    in.typed.push_back({static_cast<char32_t>(codepoint), std::chrono::steady_clock::now()});
}

}  // namespace kiosk::app
