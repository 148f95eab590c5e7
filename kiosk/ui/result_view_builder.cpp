#include "kiosk/ui/result_view_builder.hpp"

#include "kiosk/ui/strings.hpp"

namespace kiosk::ui {

ResultView buildResultView(const core::Dossier& d, const Chrome& chrome, const ResultOptions& o) {
    ResultView v;
    v.chrome = chrome;
    v.answer = core::answerFor(d, chrome.text->table(),
                               core::AnswerContext{chrome.language, o.now, o.zone, o.followUrlTemplate});
    v.printerAvailable = o.printer;
    // Print is the take-away; the rating comes after it, and only where it means something: a
    // finished dossier, or a citizen who took a slip.
    v.askRating = v.answer.finished || o.printed || o.rating.has_value();
    v.rating = o.rating;
    v.speechAvailable = o.speech;
    v.speaking = o.speaking;
    return v;
}

}  // namespace kiosk::ui
