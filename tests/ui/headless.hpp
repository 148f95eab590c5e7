#pragma once
// Runs the citizen screens without a window: an ImGui context with the real font atlas, frames via
// NewFrame/Render (Debian's ImGui 1.86 has no imgui_impl_null), and finger taps injected as mouse
// input on the buttons' recorded rectangles.

#include <imgui.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {

class HeadlessUi {
public:
    HeadlessUi(int width, int height, bool largeText = false, bool highContrast = false) {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 30.0f;
        const float scale = ui::scaleForWindow(width, height);
        auto loaded = ui::loadFonts(ui::FontOptions{KIOSK_FONT_DIR, scale, largeText});
        if (!loaded) {
            throw std::runtime_error(loaded.error().message);
        }
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(nullptr);
        ui::applyTheme(ui::ThemeOptions{scale, highContrast, largeText, 96.0f});
    }
    ~HeadlessUi() { ImGui::DestroyContext(m_context); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    /// One frame: draws, renders, returns the screen's event.
    std::optional<ui::UiEvent> frame(const std::function<std::optional<ui::UiEvent>()>& draw) {
        ImGui::NewFrame();
        ui::beginUiFrame();
        auto event = draw();
        ui::endUiFrame();
        ImGui::Render();
        return event;
    }

    /// Presses and lifts a finger on the button `id` drawn in the last frame; returns the event of
    /// the frame in which the finger is lifted (or any frame of the tap).
    std::optional<ui::UiEvent> tap(const std::string& id, const std::function<std::optional<ui::UiEvent>()>& draw) {
        const auto& targets = ui::tapTargets();
        auto it = targets.find(id);
        if (it == targets.end()) {
            throw std::runtime_error("no button " + id);
        }
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 c((it->second.min.x + it->second.max.x) * 0.5f, (it->second.min.y + it->second.max.y) * 0.5f);
        std::optional<ui::UiEvent> event;
        io.MousePos = c;
        frame(draw);  // hover
        io.MouseDown[0] = true;
        if (auto e = frame(draw)) event = e;
        io.MouseDown[0] = false;
        if (auto e = frame(draw)) event = e;
        return event;
    }

private:
    ImGuiContext* m_context = nullptr;
};

}  // namespace kiosk::test
