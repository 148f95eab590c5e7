#pragma once
// Turns a (masked) dossier into the Result screen's view. The words and facts come from core's
// answer (kiosk/core/dossier/dossier_answer.hpp), the one the slip and the voice use too; this adds
// only what the session decides (printer, rating, speech).

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/dossier/time_zone.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

struct ResultOptions {
    std::chrono::sys_seconds now{};  ///< wall-clock time, for days left
    core::TimeZone zone;             ///< office.time_zone
    std::string followUrlTemplate;   ///< office.public_lookup_url ("" = no follow-up QR)
    bool printer = false;            ///< Print is offered
    bool printed = false;            ///< a slip was printed this session (then the rating is asked)
    std::optional<int> rating;       ///< the rating already chosen this session
    bool speech = false;             ///< the "Nghe" button is offered
    bool speaking = false;
};

/// @param chrome texts and switches (chrome.text must be set)
ResultView buildResultView(const core::Dossier& dossier, const Chrome& chrome, const ResultOptions& options);

}  // namespace kiosk::ui
