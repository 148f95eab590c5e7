#include "kiosk/core/dossier/spoken_status.hpp"

namespace kiosk::core {

namespace {

void sentence(std::string& out, std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.remove_suffix(1);
    if (text.empty()) return;
    if (!out.empty()) out += ' ';
    out.append(text);
    out += '.';
}

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
    }
}

}  // namespace

std::string speakable(std::string_view text, Language language) {
    std::string s(text);
    replaceAll(s, " — ", ", ");
    replaceAll(s, "—", ", ");
    replaceAll(s, "•", "");
    replaceAll(s, "\n", ". ");
    replaceAll(s, " ₫", language == Language::Vi ? " đồng" : " dong");
    replaceAll(s, "₫", language == Language::Vi ? " đồng" : " dong");
    replaceAll(s, "“", "");
    replaceAll(s, "”", "");
    replaceAll(s, "..", ".");
    return s;
}

std::string spokenStatus(const DossierAnswer& a, const StringTable& t) {
    std::string out;
    sentence(out, a.headline);
    sentence(out, a.dueLine);
    if (!a.keyDateSpoken.empty()) {
        sentence(out, a.keyDateLabel + ": " + a.keyDateSpoken);
    }
    sentence(out, a.apology);
    sentence(out, a.nextStep);
    if (!a.reason.empty()) sentence(out, t.text("status.speech.reason") + ": " + a.reason);
    if (!a.instruction.empty()) sentence(out, a.instruction);
    if (!a.where.empty() && a.actor == NextActor::Citizen && a.status == DossierStatus::Done) {
        sentence(out, t.text("status.speech.where") + ": " + a.where);
    }
    return speakable(out, a.language);
}

bool problemIsRetryable(LookupErrorKind kind) {
    return kind == LookupErrorKind::Offline || kind == LookupErrorKind::Timeout || kind == LookupErrorKind::Server ||
           kind == LookupErrorKind::Cancelled;
}

std::string spokenProblem(LookupErrorKind kind, const StringTable& t, Language lang) {
    const std::string prefix = "screens.problem." + std::string(toString(kind));
    std::string out;
    sentence(out, t.text(prefix + ".title"));
    sentence(out, t.text(prefix + ".body"));
    sentence(out, t.text(problemIsRetryable(kind) ? "screens.problem.what_now_retry" : "screens.problem.what_now_staff"));
    return speakable(out, lang);
}

}  // namespace kiosk::core
