#pragma once
// PreviewTexture: the camera preview as an OpenGL texture for the attract screen. UI thread only,
// with the window's GL context current.

#include <cstdint>
#include <vector>

#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::app {

class PreviewTexture {
public:
    PreviewTexture() = default;
    ~PreviewTexture() = default;  ///< release() must run while the GL context exists
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    /// Replaces the texture's content with `image` (8-bit luminance, drawn as gray).
    void upload(const core::LumaImage& image);
    /// Deletes the texture. Call before the GL context goes away.
    void release();

    /// An ImTextureID for ImGui's draw lists, or nullptr before the first upload.
    [[nodiscard]] void* id() const;
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }

private:
    unsigned int m_texture = 0;
    int m_width = 0;
    int m_height = 0;
    std::vector<unsigned char> m_rgba;  // reused between uploads
};

}  // namespace kiosk::app
