#include "kiosk/app/shell/preview_texture.hpp"

#include <GL/gl.h>

namespace kiosk::app {

void PreviewTexture::upload(const core::LumaImage& image) {
    if (image.width <= 0 || image.height <= 0) {
        return;
    }
    // RGBA: GL_LUMINANCE is gone from core profiles; at preview size (<= 320x240) the expansion
    // costs nothing.
    const std::size_t pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    m_rgba.resize(pixels * 4);
    for (std::size_t i = 0; i < pixels; ++i) {
        const unsigned char v = image.pixels[i];
        m_rgba[4 * i] = v;
        m_rgba[4 * i + 1] = v;
        m_rgba[4 * i + 2] = v;
        m_rgba[4 * i + 3] = 255;
    }
    if (m_texture == 0) {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        m_texture = tex;
    }
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, m_rgba.data());
    m_width = image.width;
    m_height = image.height;
}

void PreviewTexture::release() {
    if (m_texture != 0) {
        GLuint tex = m_texture;
        glDeleteTextures(1, &tex);
        m_texture = 0;
    }
}

void* PreviewTexture::id() const {
    // Dear ImGui 1.86's ImTextureID is a void*: the GL texture name has to travel in it.
    return m_texture == 0 ? nullptr : reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_texture));  // NOLINT(performance-no-int-to-ptr)
}

}  // namespace kiosk::app
