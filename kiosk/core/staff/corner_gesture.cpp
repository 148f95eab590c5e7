#include "kiosk/core/staff/corner_gesture.hpp"

#include <algorithm>

namespace kiosk::core {

bool CornerGesture::inZone(float x, float y, float width, float height) const {
    const float side = std::max(48.0f, std::min(width, height) * m_options.zoneFraction);
    const bool left = x <= side;
    const bool right = x >= width - side;
    const bool top = y <= side;
    const bool bottom = y >= height - side;
    switch (m_options.corner) {
        case ScreenCorner::TopLeft: return top && left;
        case ScreenCorner::TopRight: return top && right;
        case ScreenCorner::BottomLeft: return bottom && left;
        case ScreenCorner::BottomRight: return bottom && right;
    }
    return false;
}

bool CornerGesture::onTap(float x, float y, float width, float height, std::chrono::steady_clock::time_point at) {
    if (!inZone(x, y, width, height)) {
        m_taps.clear();  // a tap elsewhere breaks the sequence
        return false;
    }
    m_taps.push_back(at);
    while (!m_taps.empty() && at - m_taps.front() > m_options.window) m_taps.pop_front();
    if (static_cast<int>(m_taps.size()) >= m_options.taps) {
        m_taps.clear();
        return true;
    }
    return false;
}

}  // namespace kiosk::core
