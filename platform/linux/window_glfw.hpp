#pragma once
// GLFW backend of platform::Window.
//  [x] Fullscreen on the primary monitor at its current (native) video mode, no decorations
//  [x] Windowed mode of a given size for development
//  [x] Close requests and Alt+F4 ignored (logged); only requestQuit() ends the loop
//  [x] Hidden cursor when configured
//  [x] OpenGL 3.0 context, vsync on
//  [x] waitEvents with timeout (glfwWaitEventsTimeout), wake() from any thread (glfwPostEmptyEvent)

#include <memory>

#include "kiosk/core/common/result.hpp"
#include "platform/window.hpp"

namespace platform {

/// Size of the primary monitor's current mode (initialises GLFW; {0,0} without a display). Cheap:
/// lets the caller size fonts while the slow GL context is being created.
PixelSize primaryMonitorSize();

/// Initialises GLFW and opens the window with a current GL context.
/// @return the window, or an Unavailable error naming what failed (no display, no GL 3)
kiosk::core::Result<std::unique_ptr<Window>> createGlfwWindow(const WindowOptions& options);

}  // namespace platform
