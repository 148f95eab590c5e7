#pragma once
// The hidden gesture that opens the staff PIN pad: N taps in one corner of the screen within a few
// seconds (staff.gesture_*). Nothing on the citizen screens hints at it, and a citizen who taps the
// corner fewer times gets nothing. Pure: taps and their times are passed in.

#include <chrono>
#include <deque>

#include "kiosk/core/config/setting_choices.hpp"

namespace kiosk::core {

struct CornerGestureOptions {
    ScreenCorner corner = ScreenCorner::TopLeft;
    int taps = 5;
    std::chrono::milliseconds window{3000};
    float zoneFraction = 0.1f;  ///< the corner zone's side as a fraction of the screen's short side
};

class CornerGesture {
public:
    explicit CornerGesture(CornerGestureOptions options = {}) : m_options(options) {}

    /// A finger was lifted at (x, y) on a screen of @p width x @p height.
    /// @return true when this tap completes the gesture (the count then starts again)
    bool onTap(float x, float y, float width, float height, std::chrono::steady_clock::time_point at);

    /// True when (x, y) lies in the gesture's corner zone.
    [[nodiscard]] bool inZone(float x, float y, float width, float height) const;

    [[nodiscard]] const CornerGestureOptions& options() const { return m_options; }

private:
    CornerGestureOptions m_options;
    std::deque<std::chrono::steady_clock::time_point> m_taps;  // recent taps in the zone, oldest first
};

}  // namespace kiosk::core
