#pragma once
// Window: the one fullscreen surface the kiosk draws on, with an OpenGL 3 context.
//
// Backend: common/window_glfw.cpp (GLFW on X11, or Xwayland under cage), in every platform library. The frame loop waits for input with
// a timeout (render on demand) and worker threads wake it with wake(). A close request (window
// manager, Alt+F4) never ends the kiosk: only requestQuit(), called from staff mode, does.

#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/common/result.hpp"

namespace platform {

struct WindowOptions {
    bool fullscreen = true;     ///< primary monitor, its native mode; false: a decorated window
    int width = 1280;           ///< window size when not fullscreen (development)
    int height = 720;
    bool hideCursor = false;    ///< touchscreens: no pointer on screen
    std::string title = "Kiosk";
};

/// Framebuffer size in pixels.
struct PixelSize {
    int width = 0;
    int height = 0;
};

class Window {
public:
    virtual ~Window() = default;

    /// Blocks until input arrives, wake() is called, or `timeoutSeconds` pass (<= 0: poll).
    virtual void waitEvents(double timeoutSeconds) = 0;
    /// Thread-safe: makes a pending or the next waitEvents() return at once.
    virtual void wake() = 0;
    /// Presents the frame drawn since the last call.
    virtual void swapBuffers() = 0;
    /// Size of the drawable area in pixels.
    [[nodiscard]] virtual PixelSize framebufferSize() const = 0;
    /// True once requestQuit() was called (close requests from the window manager are ignored).
    [[nodiscard]] virtual bool quitRequested() const = 0;
    /// Ends the frame loop at the next iteration (staff mode only).
    virtual void requestQuit() = 0;
    /// Native handle for the ImGui platform backend (a GLFWwindow* for the GLFW backend).
    [[nodiscard]] virtual void* nativeHandle() const = 0;
};

/// Size of the primary monitor's current mode ({0,0} without a display). Cheap: lets the caller size
/// fonts while the slow GL context is being created.
PixelSize primaryMonitorSize();

/// Opens the window with a current OpenGL 3 context.
/// @return the window, or an Unavailable error naming what failed (no display, no GL 3)
kiosk::core::Result<std::unique_ptr<Window>> createWindow(const WindowOptions& options);

}  // namespace platform
