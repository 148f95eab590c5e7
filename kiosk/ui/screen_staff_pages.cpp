// Staff pages without much logic of their own: the audit log, power (restart, shut down, reboot, each
// confirmed), provisioning (in staff mode and on the setup screen), and the setup screen itself.
#include "kiosk/ui/staff_widgets.hpp"

namespace kiosk::ui {

std::optional<StaffUiEvent> drawStaffAudit(const AuditView& v) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    std::optional<StaffUiEvent> event;
    beginScreen("staff-audit");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    detail::moveTo(body.min);
    beginTouchScroll("audit-scroll", ImVec2(body.width(), body.height()));
    if (v.entries.empty()) {
        wrappedText(fonts().body, v.emptyText, theme.palette.textMuted, body.width());
    } else {
        staff_detail::drawLines(v.entries, body.width() - 24.0f * m.scale);
    }
    endTouchScroll();
    endScreen();
    return event;
}

std::optional<StaffUiEvent> drawStaffPower(const PowerView& v) {
    const Metrics& m = currentTheme().metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    beginScreen("staff-power");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    if (!v.question.empty()) {
        // While asking, only the answer counts: the page below is not drawn.
        if (auto e = staff_detail::confirmDialog(v.question, v.yesLabel, v.noLabel, body)) event = e;
        endScreen();
        return event;
    }
    const float w = std::min(body.width(), 900.0f * m.scale);
    const float h = m.touch * 1.3f;
    detail::moveTo(body.min);
    staff_detail::statusLine(v.note, v.noteHealth, body.width());
    vspace(m.gap);
    detail::moveTo(ImVec2(body.min.x, ImGui::GetCursorScreenPos().y));
    if (touchButton("power-restart", v.restartLabel, ImVec2(w, h), ButtonKind::Primary, true, f.title)) {
        event = staff_act::AskPower{staff_act::Power::Restart};
    }
    if (v.rebootAvailable) {
        vspace(m.gap);
        detail::moveTo(ImVec2(body.min.x, ImGui::GetCursorScreenPos().y));
        if (touchButton("power-reboot", v.rebootLabel, ImVec2(w, h), ButtonKind::Secondary, true, f.title)) {
            event = staff_act::AskPower{staff_act::Power::Reboot};
        }
    }
    if (v.shutdownAvailable) {
        vspace(m.gap);
        detail::moveTo(ImVec2(body.min.x, ImGui::GetCursorScreenPos().y));
        if (touchButton("power-shutdown", v.shutdownLabel, ImVec2(w, h), ButtonKind::Danger, true, f.title)) {
            event = staff_act::AskPower{staff_act::Power::Shutdown};
        }
    }
    endScreen();
    return event;
}

namespace staff_detail {

std::optional<StaffUiEvent> provisionPanel(const ProvisionView& v, const Rect& r) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    detail::moveTo(r.min);
    wrappedText(f.body, v.instructions, theme.palette.text, r.width());
    if (v.offer) {
        vspace(m.gap * 0.5f);
        drawLines(v.summary, r.width());
        for (const std::string& problem : v.problems) wrappedText(f.small, problem, theme.palette.danger, r.width());
    }
    vspace(m.gap * 0.5f);
    const Health health = v.task == TaskState::Failed ? Health::Bad : v.task == TaskState::Done ? Health::Good : Health::Neutral;
    statusLine(v.status, health, r.width());
    if (v.offer && v.task != TaskState::Done) {
        vspace(m.gap * 0.5f);
        const float w = std::min((r.width() - m.gap) * 0.5f, 480.0f * m.scale);
        detail::moveTo(ImVec2(r.min.x, ImGui::GetCursorScreenPos().y));
        const bool idle = v.task != TaskState::Running;
        if (touchButton("provision-dismiss", v.dismissLabel, ImVec2(w, m.touch), ButtonKind::Secondary, idle)) {
            event = staff_act::DismissProvisioning{};
        }
        ImGui::SameLine(0.0f, m.gap);
        if (touchButton("provision-apply", v.applyLabel, ImVec2(w, m.touch), ButtonKind::Primary, idle && v.problems.empty(),
                        f.bodyBold)) {
            event = staff_act::ApplyProvisioning{};
        }
    }
    if (v.task == TaskState::Running) requestAnimation();
    return event;
}

}  // namespace staff_detail

std::optional<StaffUiEvent> drawStaffProvision(const StaffProvisionPageView& v) {
    std::optional<StaffUiEvent> event;
    beginScreen("staff-provision");
    const staff_detail::Rect body = staff_detail::drawFrame(v.frame, event);
    if (auto e = staff_detail::provisionPanel(v.provision, body)) event = e;
    endScreen();
    return event;
}

std::optional<StaffUiEvent> drawSetup(const SetupView& v) {
    const Theme& theme = currentTheme();
    const Metrics& m = theme.metrics;
    const FontSet& f = fonts();
    std::optional<StaffUiEvent> event;
    beginScreen("setup");
    const detail::Rect body = detail::drawHeader(v.chrome, v.title);
    const bool tall = detail::portrait();
    // Left (top in portrait): what is missing and the camera; right (bottom): the code or the new PIN.
    const float leftW = tall ? body.width() : (body.width() - m.gap * 2.0f) * 0.45f;
    detail::moveTo(body.min);
    wrappedText(f.body, v.intro, theme.palette.text, leftW);
    vspace(m.gap * 0.5f);
    detail::moveTo(ImVec2(body.min.x, ImGui::GetCursorScreenPos().y));
    staff_detail::drawLines(v.checklist, leftW);
    if (v.previewTexture != nullptr && v.previewWidth > 0 && v.previewHeight > 0 && !v.newPin) {
        vspace(m.gap * 0.5f);
        const ImVec2 p(body.min.x, ImGui::GetCursorScreenPos().y);
        const float room = (tall ? body.height() * 0.3f : body.max.y - p.y);
        float w = std::min(leftW, 640.0f * m.scale);
        float h = w * static_cast<float>(v.previewHeight) / static_cast<float>(v.previewWidth);
        if (h > room) {
            w *= room / h;
            h = room;
        }
        if (h > 0) ImGui::GetWindowDrawList()->AddImage(v.previewTexture, p, ImVec2(p.x + w, p.y + h));
        detail::moveTo(ImVec2(p.x, p.y + h));
    }
    const float rightTop = tall ? ImGui::GetCursorScreenPos().y + m.gap : body.min.y;
    const staff_detail::Rect right{ImVec2(tall ? body.min.x : body.max.x - (body.width() - leftW - m.gap * 2.0f), rightTop),
                                   body.max};
    if (v.newPin) {
        if (auto e = staff_detail::newPinPanel(*v.newPin, right)) event = e;
    } else {
        if (auto e = staff_detail::provisionPanel(v.provision, right)) event = e;
    }
    endScreen();
    return event;
}

}  // namespace kiosk::ui
