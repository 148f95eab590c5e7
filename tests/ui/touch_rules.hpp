#pragma once
// The touch rule every screen test checks on the buttons of the last frame drawn (ui::tapTargets):
// each lies inside the screen, is at least the theme's touch size both ways, and overlaps no other.

#include <gtest/gtest.h>

#include <string>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {

/// Fails the running test for every button of the last frame that breaks the rule on a screen of
/// `width` x `height`; `screen` names the screen in the failure. A screen without buttons fails too.
inline void expectTouchTargetsFit(const std::string& screen, int width, int height) {
    const float touch = ui::currentTheme().metrics.touch;
    const auto& targets = ui::tapTargets();
    EXPECT_FALSE(targets.empty()) << screen << ": no buttons";
    for (const auto& [id, t] : targets) {
        SCOPED_TRACE(screen + " button " + id);
        EXPECT_GE(t.min.x, 0.0f);
        EXPECT_GE(t.min.y, 0.0f);
        EXPECT_LE(t.max.x, static_cast<float>(width) + 0.5f);
        EXPECT_LE(t.max.y, static_cast<float>(height) + 0.5f);
        EXPECT_GE(t.max.x - t.min.x, touch - 0.5f);
        EXPECT_GE(t.max.y - t.min.y, touch - 0.5f);
        for (const auto& [otherId, o] : targets) {
            if (otherId <= id) continue;
            const bool apart = t.max.x <= o.min.x || o.max.x <= t.min.x || t.max.y <= o.min.y || o.max.y <= t.min.y;
            EXPECT_TRUE(apart) << "overlaps " << otherId;
        }
    }
}

}  // namespace kiosk::test
