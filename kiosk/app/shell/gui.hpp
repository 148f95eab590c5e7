#pragma once
// Gui: Dear ImGui on the kiosk's window. The ImGui context and the first font atlas are made by
// runKiosk (the atlas is built on a thread while the GL context is created); Gui then installs the
// GLFW and OpenGL3 backends, keeps the look (fonts and theme) in step with the screen size and the
// session's text size and contrast, and brackets each frame. UI thread only; the destructor shuts the
// backends down and destroys the context.

#include "kiosk/app/shell/input.hpp"
#include "platform/window.hpp"

namespace kiosk::app {

class Gui {
public:
    /// @param fontsScale and fontsLarge: what the atlas already built by runKiosk was made for
    Gui(platform::Window& window, float fontsScale, bool fontsLarge, int touchTargetPx);
    ~Gui();
    Gui(const Gui&) = delete;
    Gui& operator=(const Gui&) = delete;

    /// Installs `input`'s callbacks, then the ImGui backends (which chain to them).
    /// @return false when the backends cannot start (no GL 3)
    bool start(InputCollector& input);
    /// The look to draw with from the next frame on (rebuilt only when it changes).
    void setLook(bool largeText, bool highContrast);
    /// Starts a frame: the look, then the backends' new frame. ImGui::NewFrame is the caller's, so that
    /// a test build can replace the pointer input in between.
    void beginFrame();
    /// Renders ImGui's draw data onto the cleared framebuffer (not yet presented).
    void render();

private:
    void rebuildLook();

    platform::Window& m_window;
    float m_fontsScale;  // the atlas now built: its scale and large-text flag
    bool m_fontsLarge;
    int m_touchTargetPx;
    bool m_largeText;
    bool m_highContrast = false;
    bool m_lookDirty = true;
    bool m_started = false;
};

/// Seconds since this process started (from /proc/self/stat), for the start-up figures in the log.
double processAgeSeconds();

}  // namespace kiosk::app
