#include "kiosk/ui/theme.hpp"

#include <imgui.h>

namespace kiosk::ui {

void applyTheme(const ThemeOptions& options) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle{};
    if (options.highContrast) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    style.ScaleAllSizes(options.scale);
}

}  // namespace kiosk::ui
