#include "kiosk/app/shell/screen_host.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>

#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::app {
namespace {

using Clock = std::chrono::steady_clock;

ui::Language uiLanguage(core::Language l) { return l == core::Language::En ? ui::Language::En : ui::Language::Vi; }

std::tm localTime(std::chrono::sys_seconds t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    localtime_r(&tt, &local);
    return local;
}

ui::PrintProgress progressOf(core::PrintStatus p) {
    switch (p) {
        case core::PrintStatus::Idle: return ui::PrintProgress::Idle;
        case core::PrintStatus::Printing: return ui::PrintProgress::Printing;
        case core::PrintStatus::Printed: return ui::PrintProgress::Printed;
        case core::PrintStatus::Failed: return ui::PrintProgress::Failed;
    }
    return ui::PrintProgress::Idle;
}

}  // namespace

std::string ScreenHost::clockText(std::chrono::sys_seconds wallNow) {
    const std::tm local = localTime(wallNow);
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    return clock;
}

ui::Chrome ScreenHost::chrome(const ScreenInputs& in) {
    ui::Chrome c;
    c.text = &in.strings;
    c.officeName = in.settings.office.name;
    c.clock = clockText(in.wallNow);
    const std::tm local = localTime(in.wallNow);
    char date[48];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
    c.date = in.strings.get("screens.date.weekday_" + std::to_string(local.tm_wday)) + ", " + date;
    c.language = uiLanguage(in.flow.language);
    c.largeText = in.flow.largeText;
    c.highContrast = in.flow.highContrast;
    return c;
}

// Printing, printed, or why it failed, in the citizen's words ("" before Print was pressed).
std::string ScreenHost::printMessage(const ScreenInputs& in) {
    switch (in.flow.print) {
        case core::PrintStatus::Idle: return {};
        case core::PrintStatus::Printing: return in.strings.get("flow.print.printing");
        case core::PrintStatus::Printed: return in.strings.get("flow.print.done");
        case core::PrintStatus::Failed:
            return in.strings.get(core::translationKey(in.flow.printFailure.value_or(core::PrintFailure::Io)));
    }
    return {};
}

std::optional<ui::UiEvent> ScreenHost::draw(const ScreenInputs& in) {
    const ui::Chrome c = chrome(in);
    const core::FlowState& s = in.flow;
    const std::string code = s.reading && std::holds_alternative<core::DossierCode>(*s.reading)
                                 ? std::get<core::DossierCode>(*s.reading).value
                                 : std::string();  // a token is never shown
    std::optional<ui::UiEvent> event;
    switch (s.screen) {
        case core::Screen::ManualEntry: event = ui::drawManualEntry(ui::ManualEntryView{c, s.typedSymbols}); break;
        case core::Screen::LookingUp: event = ui::drawLookingUp(ui::LookingUpView{c, code, in.lookupSeconds}); break;
        case core::Screen::Result:
            if (s.dossier) {
                const bool printing = s.print != core::PrintStatus::Idle;
                const bool offerPrint =
                    in.services.printerConfigured() && (printing || !in.services.printerKnownUnavailable());
                std::optional<int> rating;
                if (s.ratingLevel) rating = static_cast<int>(*s.ratingLevel);
                ui::ResultView view = ui::buildResultView(*s.dossier, c, in.wallNow, offerPrint, rating);
                view.printMessage = printMessage(in);
                view.printBusy = s.print == core::PrintStatus::Printing ||
                                 (s.print == core::PrintStatus::Failed && in.services.printerKnownUnavailable());
                event = ui::drawResult(view);
            }
            break;
        case core::Screen::NotFound: event = ui::drawNotFound(ui::NotFoundView{c, code}); break;
        case core::Screen::InvalidCode:
            event = ui::drawInvalidCode(
                ui::InvalidCodeView{c, s.invalidReason ? std::string(core::toString(*s.invalidReason)) : std::string()});
            break;
        case core::Screen::Problem:
            event = ui::drawProblem(ui::ProblemView{c, s.error ? s.error->kind : core::LookupErrorKind::Offline});
            break;
        case core::Screen::Guidance:
            if (in.guidance != nullptr) {
                event = drawGuidance(in, c);
                break;
            }
            [[fallthrough]];  // not reachable: the guide button is hidden without a catalog
        case core::Screen::Attract:
        case core::Screen::StaffPin:   // not reachable: KioskShell draws these with StaffScreens
        case core::Screen::StaffMenu:
        case core::Screen::Setup: {
            ui::AttractView view;
            view.chrome = c;
            view.guideAvailable = in.guidance != nullptr;
            view.cameraAvailable = in.services.cameraWorking();
            if (in.preview.texture().id() != nullptr) {
                view.previewTexture = in.preview.texture().id();
                view.previewWidth = in.preview.texture().width();
                view.previewHeight = in.preview.texture().height();
                view.detectedOutline = in.preview.outline();
            }
            event = ui::drawAttract(view);
            break;
        }
    }
    if (in.idleSecondsShown >= 0) {
        // The overlay is drawn last, on top, and takes the touches.
        return ui::drawIdleWarning(ui::IdleWarningView{c, in.idleSecondsShown});
    }
    return event;
}

// The page FlowState::guidance names. Views are rebuilt every frame like the others; the search
// answers within the frame (docs/ui.md has the figures).
std::optional<ui::UiEvent> ScreenHost::drawGuidance(const ScreenInputs& in, const ui::Chrome& c) {
    const core::guidance::GuidanceLibrary& library = *in.guidance;
    const core::GuidanceState& g = in.flow.guidance;
    switch (g.page) {
        case core::GuidancePage::Home: return ui::drawGuidanceHome(ui::buildGuidanceHomeView(library, c, g.category));
        case core::GuidancePage::Search: {
            const auto started = Clock::now();
            ui::GuidanceSearchView view = ui::buildGuidanceSearchView(library, c, g.query);
            if (g.query != m_guideQueryTimed) {  // SPDLOG_LEVEL=debug: the cost of a search, once per query
                m_guideQueryTimed = g.query;
                spdlog::debug("guidance search: {} bytes, {} results, {:.2f} ms", g.query.size(), view.results.size(),
                              std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            }
            return ui::drawGuidanceSearch(view);
        }
        case core::GuidancePage::Detail: {
            const core::guidance::GuidanceEntry* entry = library.find(g.entryId);
            if (entry == nullptr) {
                return ui::UiEvent{ui::act::Back{}};  // an id from a row of another catalog: never shown
            }
            const core::PrintStatus p = in.flow.print;
            const bool printer = in.services.printerConfigured() &&
                                 (p != core::PrintStatus::Idle || !in.services.printerKnownUnavailable());
            return ui::drawGuidanceDetail(
                ui::buildGuidanceDetailView(*entry, library.catalog(), c, printer, progressOf(p)));
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::app
