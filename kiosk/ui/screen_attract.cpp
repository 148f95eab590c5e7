#include <algorithm>

#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::ui {
namespace {

using detail::Rect;

const char* cameraPlaceKey(CameraPlace place) {
    switch (place) {
    case CameraPlace::Below: return "screens.attract.camera_below";
    case CameraPlace::Stand: return "screens.attract.camera_stand";
    case CameraPlace::Above: break;
    }
    return "screens.attract.camera_above";
}

// No camera: nothing that invites pressing paper on the glass. The receipt drawing shows where the
// code is, for the code reader or the keypad.
void drawNoCameraArea(const Rect& r, const Strings& t) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(r.min, r.max, toU32(theme.palette.surfaceAlt), m.radius);
    const std::string& hint = t.get("screens.attract.camera_off");
    const float textW = r.width() - 2.0f * m.padding;
    const float hintH = wrappedTextHeight(fonts().body, hint, textW);
    drawWrappedAt(list, fonts().body, ImVec2(r.min.x + m.padding, r.min.y + m.padding), hint, toU32(theme.palette.text), textW);
    const float top = r.min.y + m.padding + hintH + m.gap;
    const float room = r.max.y - m.padding - top;
    const float h = std::min(room, 520.0f * m.scale);
    if (h > 160.0f * m.scale) {
        const float captionW = std::min(r.width() * 0.42f, 520.0f * m.scale);
        const float total = h * 0.72f + 60.0f * m.scale + captionW;
        detail::drawReceipt(ImVec2(r.min.x + std::max(m.padding, (r.width() - total) * 0.5f), top + (room - h) * 0.5f), h,
                            t.get("screens.not_found.where_code"), captionW);
    }
}

// The camera area: viewfinder corners with a caption saying where the camera is; the live preview
// is drawn into the same rectangle.
void drawCameraArea(const Rect& r, const Strings& t, const AttractView& view) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(r.min, r.max, toU32(theme.palette.surfaceAlt), m.radius);
    const bool preview = view.previewTexture != nullptr && view.previewWidth > 0 && view.previewHeight > 0;
    if (preview) {
        // Fit the frame into the area, keeping its aspect ratio, centred.
        const float k = std::min(r.width() / static_cast<float>(view.previewWidth),
                                 r.height() / static_cast<float>(view.previewHeight));
        const ImVec2 size(static_cast<float>(view.previewWidth) * k, static_cast<float>(view.previewHeight) * k);
        const ImVec2 a(r.min.x + (r.width() - size.x) * 0.5f, r.min.y + (r.height() - size.y) * 0.5f);
        list->AddImage(view.previewTexture, a, ImVec2(a.x + size.x, a.y + size.y));
        if (view.detectedOutline.size() == 8) {
            // The code just seen, so the citizen knows the receipt was read.
            ImVec2 pts[4];
            for (int i = 0; i < 4; ++i) {
                pts[i] = ImVec2(a.x + view.detectedOutline[2 * i] * size.x, a.y + view.detectedOutline[2 * i + 1] * size.y);
            }
            list->AddPolyline(pts, 4, toU32(theme.palette.accent), ImDrawFlags_Closed, 6.0f * m.scale);
        }
    }
    const ImU32 ink = toU32(theme.palette.primary);
    const float corner = std::min(r.width(), r.height()) * 0.16f;
    const float th = 8.0f * m.scale;
    const float inset = 24.0f * m.scale;
    const ImVec2 a(r.min.x + inset, r.min.y + inset);
    const ImVec2 b(r.max.x - inset, r.max.y - inset);
    list->AddLine(a, ImVec2(a.x + corner, a.y), ink, th);
    list->AddLine(a, ImVec2(a.x, a.y + corner), ink, th);
    list->AddLine(ImVec2(b.x, a.y), ImVec2(b.x - corner, a.y), ink, th);
    list->AddLine(ImVec2(b.x, a.y), ImVec2(b.x, a.y + corner), ink, th);
    list->AddLine(ImVec2(a.x, b.y), ImVec2(a.x + corner, b.y), ink, th);
    list->AddLine(ImVec2(a.x, b.y), ImVec2(a.x, b.y - corner), ink, th);
    list->AddLine(b, ImVec2(b.x - corner, b.y), ink, th);
    list->AddLine(b, ImVec2(b.x, b.y - corner), ink, th);

    const FontSet& f = fonts();
    const std::string caption = t.get(cameraPlaceKey(view.cameraPlace)) + ". " + t.get("screens.attract.camera_hint");
    const float captionW = r.width() - 2.0f * (inset + corner * 0.5f);
    const float captionH = wrappedTextHeight(f.body, caption, captionW);
    // Stylised QR mark (three finder squares) until the camera's picture arrives.
    const float side = std::min(r.width(), r.height() - captionH) * 0.34f;
    if (!preview && side > 20.0f * m.scale) {
        const ImVec2 c((r.min.x + r.max.x) * 0.5f, r.min.y + (r.height() - captionH) * 0.5f);
        const ImVec2 q(c.x - side * 0.5f, c.y - side * 0.5f);
        const float fs = side * 0.34f;
        const ImVec2 finders[] = {q, ImVec2(q.x + side - fs, q.y), ImVec2(q.x, q.y + side - fs)};
        for (const ImVec2& fp : finders) {
            list->AddRect(fp, ImVec2(fp.x + fs, fp.y + fs), ink, 0.0f, 0, fs * 0.14f);
            list->AddRectFilled(ImVec2(fp.x + fs * 0.3f, fp.y + fs * 0.3f), ImVec2(fp.x + fs * 0.7f, fp.y + fs * 0.7f), ink);
        }
        const float dot = fs * 0.24f;
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                if ((i + j) % 2 == 0) {
                    const ImVec2 d(q.x + side - fs + static_cast<float>(i) * dot * 1.4f,
                                   q.y + side - fs + static_cast<float>(j) * dot * 1.4f);
                    list->AddRectFilled(d, ImVec2(d.x + dot, d.y + dot), ink);
                }
            }
        }
    }
    const ImVec2 captionAt(r.min.x + inset + corner * 0.5f, r.max.y - inset - captionH - 12.0f * m.scale);
    if (preview) {
        // Over the camera picture the caption needs its own background to stay readable.
        const float pad = 8.0f * m.scale;
        list->AddRectFilled(ImVec2(captionAt.x - pad, captionAt.y - pad),
                            ImVec2(captionAt.x + captionW + pad, captionAt.y + captionH + pad), toU32(theme.palette.surfaceAlt),
                            m.radius);
    }
    drawWrappedAt(list, f.body, captionAt, caption, toU32(theme.palette.text), captionW, true);
}

}  // namespace

std::optional<UiEvent> drawAttract(const AttractView& view) {
    const Strings& t = *view.chrome.text;
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<UiEvent> event;

    beginScreen("attract");
    const Rect body = detail::drawHeader(view.chrome, t.get("screens.attract.title"));
    const Rect footer{ImVec2(body.min.x, body.max.y - m.touch), body.max};
    const Rect main{body.min, ImVec2(body.max.x, footer.min.y - m.gap)};

    // The invitation says what this kiosk has: a camera, or a code reader and the keypad only.
    const std::string& invite = t.get(view.cameraAvailable ? "screens.attract.invite" : "screens.attract.invite_no_camera");
    const std::string& detailText = t.get("screens.attract.invite_detail");
    if (!detail::portrait()) {
        const float leftW = main.width() * 0.58f;
        detail::moveTo(main.min);
        wrappedText(f.huge, invite, theme.palette.text, leftW);
        wrappedText(f.body, detailText, theme.palette.textMuted, leftW);
        const float camTop = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
        const Rect area{ImVec2(main.min.x, camTop), ImVec2(main.min.x + leftW, main.max.y)};
        if (view.cameraAvailable) {
            drawCameraArea(area, t, view);
        } else {
            drawNoCameraArea(area, t);
        }

        const float rightX = main.min.x + leftW + m.gap * 2.0f;
        const float rightW = main.max.x - rightX;
        const Rect card{ImVec2(rightX, main.min.y), main.max};
        detail::drawCard(card);
        const float innerW = rightW - 2.0f * m.padding;
        detail::moveTo(ImVec2(rightX + m.padding, main.min.y + m.padding));
        wrappedText(f.title, t.get("screens.attract.no_qr"), theme.palette.text, innerW);
        vspace(m.gap * 0.5f);
        if (touchButton("manual-entry", t.get("screens.attract.type_code"), ImVec2(innerW, m.touch * 1.6f),
                        ButtonKind::Primary, true, f.title)) {
            event = act::StartManualEntry{};
        }
        vspace(m.gap);
        wrappedText(f.body, t.get("screens.attract.guide_hint"), theme.palette.textMuted, innerW);
        if (view.guideAvailable &&
            touchButton("guide", t.get("screens.attract.guide"), ImVec2(innerW, m.touch * 1.4f), ButtonKind::Secondary,
                        true, f.bodyBold)) {
            event = act::OpenGuide{};
        }
    } else {
        detail::moveTo(main.min);
        centredText(f.huge, invite, theme.palette.text, main.width());
        centredText(f.body, detailText, theme.palette.textMuted, main.width());
        const float buttonsH = m.touch * 1.6f + m.touch * 1.4f + m.gap * 3.0f + f.body->FontSize * 2.6f;
        const float camTop = ImGui::GetCursorScreenPos().y + m.gap * 0.5f;
        const float camBottom = main.max.y - buttonsH;
        const Rect area{ImVec2(main.min.x, camTop), ImVec2(main.max.x, camBottom)};
        if (view.cameraAvailable) {
            drawCameraArea(area, t, view);
        } else {
            drawNoCameraArea(area, t);
        }
        detail::moveTo(ImVec2(main.min.x, camBottom + m.gap));
        if (touchButton("manual-entry", t.get("screens.attract.type_code"), ImVec2(main.width(), m.touch * 1.6f),
                        ButtonKind::Primary, true, f.title)) {
            event = act::StartManualEntry{};
        }
        vspace(m.gap * 0.5f);
        centredText(f.body, t.get("screens.attract.guide_hint"), theme.palette.textMuted, main.width());
        if (view.guideAvailable &&
            touchButton("guide", t.get("screens.attract.guide"), ImVec2(main.width(), m.touch * 1.4f),
                        ButtonKind::Secondary, true, f.bodyBold)) {
            event = act::OpenGuide{};
        }
    }
    if (auto e = detail::drawAccessibilityRow(view.chrome, footer)) {
        event = e;
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
