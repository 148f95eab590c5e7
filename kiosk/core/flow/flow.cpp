#include "kiosk/core/flow/flow.hpp"

#include <type_traits>

#include "kiosk/core/flow/staff_step.hpp"

namespace kiosk::core {
namespace {

using std::chrono::seconds;

bool isCitizenScreen(Screen s) { return s != Screen::StaffPin && s != Screen::StaffMenu && s != Screen::Setup; }

/// Key used to recognise the same receipt read twice.
std::string scanKey(const ReceiptReading& r) {
    if (const auto* c = std::get_if<DossierCode>(&r)) return "C:" + c->value;
    if (const auto* t = std::get_if<ReceiptToken>(&r)) return "T:" + t->value;
    return "X:" + std::to_string(static_cast<int>(std::get<NotAReceipt>(r).reason));
}

/// Drops everything about the current session; language and accessibility go back to the defaults.
FlowState wiped(const FlowState& s, const FlowConfig& c, TimePoint now) {
    FlowState n;
    n.sessionId = s.sessionId + 1;
    n.lookupRequestId = s.lookupRequestId;  // keeps ids unique so late answers stay recognisable
    n.lastActivity = now;
    n.pinFailures = s.pinFailures;
    n.pinLockedUntil = s.pinLockedUntil;
    n.language = c.defaultLanguage;
    n.largeText = c.defaultLargeText;
    n.highContrast = c.defaultHighContrast;
    // Every reset (Done, the idle reset, leaving staff mode) keeps the de-duplication while the receipt is
    // still in view (read within the dedupe window; each read refreshes it): a receipt left under the
    // camera is not looked up again for whoever comes next. Once it is gone for the window, it is news.
    if (now - s.lastScanAt < std::chrono::seconds(c.dedupeSeconds)) {
        n.lastScanKey = s.lastScanKey;
        n.lastScanAt = s.lastScanAt;
    }
    return n;
}

/// Clears what belongs to one screen's content so a new lookup starts clean.
void clearOutcome(FlowState& s) {
    s.dossier.reset();
    s.error.reset();
    s.invalidReason.reset();
    s.print = PrintStatus::Idle;
    s.printFailure.reset();
    s.rating = RatingStatus::NotRated;
    s.ratingLevel.reset();
}

struct Stepper {
    const FlowState& in;
    TimePoint now;
    const FlowConfig& cfg;
    Transition out{in, {}};

    FlowState& s() { return out.state; }

    void activity() {
        s().lastActivity = now;
        s().idleWarningDeadline.reset();
    }

    void reset() {
        if (s().screen == Screen::LookingUp) out.commands.emplace_back(command::CancelLookup{s().lookupRequestId});
        s() = wiped(s(), cfg, now);
        out.commands.emplace_back(command::WipeSession{});
    }

    void startLookup(const ReceiptReading& reading, InputSource source) {
        clearOutcome(s());
        s().screen = Screen::LookingUp;
        s().reading = reading;
        s().readingSource = source;
        s().lookupRequestId += 1;
        s().lookupDeadline = now + seconds(cfg.lookupTimeoutSeconds);
        out.commands.emplace_back(command::StartLookup{s().lookupRequestId, reading});
    }

    /// Back to Attract without ending the session's de-duplication: the next citizen starts with
    /// nothing typed or chosen.
    void toAttract() {
        s().screen = Screen::Attract;
        s().typedSymbols.clear();
        s().guidance = {};
    }

    /// Where Back leads from an outcome screen: the keypad if the code was typed, else Attract.
    void backFromOutcome() {
        const bool typed = s().readingSource == InputSource::Keypad;
        clearOutcome(s());
        s().reading.reset();
        if (typed) {
            s().screen = Screen::ManualEntry;
        } else {
            toAttract();
        }
    }

    /// Ends staff mode: the session is wiped (lockout kept), settings reloaded, the exit audited.
    void leaveStaff(const std::string& why) {
        if (s().screen == Screen::StaffMenu) {
            out.commands.emplace_back(command::Staff{staff_task::Audit{AuditAction::StaffLeft, why}});
        }
        const bool reload = s().screen == Screen::StaffMenu;  // setup ends after its own reload
        reset();
        if (reload) out.commands.emplace_back(command::ReloadSettings{});
    }

    detail::StaffStep staffStep() { return detail::StaffStep{s(), out.commands, now, cfg, {}}; }

    void on(const event::ReceiptRead& e) {
        const Screen sc = s().screen;
        if (sc == Screen::StaffMenu) {
            activity();
            auto st = staffStep();
            detail::staffCodeRead(st, e.reading, e.source == InputSource::Camera);
            return;
        }
        if (!isCitizenScreen(sc)) {
            activity();
            return;
        }
        const std::string key = scanKey(e.reading);
        const bool deduped = e.source != InputSource::Keypad;
        const bool recent = deduped && key == s().lastScanKey && now - s().lastScanAt < seconds(cfg.dedupeSeconds);
        // A receipt still under the camera is neither news nor a sign that anyone is there: one left
        // there must not hold its dossier on screen past the idle reset. A scanner's repeat is someone
        // scanning again.
        if (!(recent && e.source == InputSource::Camera)) activity();
        if (sc == Screen::LookingUp || s().print == PrintStatus::Printing) {
            // Never interrupt a lookup or a slip being printed. The receipt being looked up stays
            // de-duplicated while it is in view, so a slow answer does not make it news again; another
            // code seen meanwhile is not remembered.
            if (deduped && key == s().lastScanKey) s().lastScanAt = now;
            return;
        }
        if (deduped) {
            const bool sameAsShown = sc == Screen::Result && s().reading && scanKey(*s().reading) == key;
            s().lastScanKey = key;
            s().lastScanAt = now;  // refreshed while the receipt stays in view
            if (recent || sameAsShown) return;
        }
        if (const auto* bad = std::get_if<NotAReceipt>(&e.reading)) {
            // Another barcode seen by the camera (a product code, the receipt's other code) must not
            // throw away a result or the guide the citizen is reading.
            if (e.source != InputSource::Keypad && (sc == Screen::Result || sc == Screen::Guidance)) return;
            clearOutcome(s());
            s().reading.reset();
            s().readingSource = e.source;
            s().invalidReason = bad->reason;
            s().screen = Screen::InvalidCode;
            return;
        }
        startLookup(e.reading, e.source);
    }

    void on(const event::ManualEntryOpened&) {
        activity();
        const Screen sc = s().screen;
        if (sc == Screen::Attract) s().typedSymbols.clear();
        if (sc == Screen::Attract || sc == Screen::NotFound || sc == Screen::InvalidCode || sc == Screen::Problem) {
            clearOutcome(s());
            s().reading.reset();
            s().screen = Screen::ManualEntry;
        }
    }

    void on(const event::CodeEdited& e) {
        activity();
        if (s().screen == Screen::ManualEntry) s().typedSymbols = e.symbols;
    }

    void on(const event::Back&) {
        activity();
        switch (s().screen) {
            case Screen::Attract: return;
            case Screen::ManualEntry: toAttract(); return;
            case Screen::LookingUp:
                out.commands.emplace_back(command::CancelLookup{s().lookupRequestId});
                s().lookupDeadline.reset();
                backFromOutcome();
                return;
            case Screen::Result:
            case Screen::NotFound:
            case Screen::InvalidCode:
            case Screen::Problem: backFromOutcome(); return;
            case Screen::Guidance:
                if (s().guidance.page == GuidancePage::Detail) {
                    s().guidance.page = s().guidance.backTo;
                    s().guidance.entryId.clear();
                    s().print = PrintStatus::Idle;
                    s().printFailure.reset();
                } else if (s().guidance.page == GuidancePage::Search) {
                    s().guidance.page = GuidancePage::Home;
                } else {
                    toAttract();
                }
                return;
            case Screen::StaffPin: toAttract(); s().staff = {}; return;
            case Screen::StaffMenu: return;  // leaving staff mode is StaffExit, so settings get applied
            case Screen::Setup: return;
        }
    }

    void on(const event::Done&) {
        if (!isCitizenScreen(s().screen) || s().screen == Screen::Attract) return;
        reset();
    }

    void on(const event::Retry&) {
        activity();
        if (s().screen == Screen::Problem && s().reading) startLookup(ReceiptReading(*s().reading), s().readingSource);
    }

    void on(const event::LookupSucceeded& e) {
        if (s().screen != Screen::LookingUp || e.requestId != s().lookupRequestId) return;
        s().lookupDeadline.reset();
        s().dossier = e.dossier;
        s().screen = Screen::Result;
        activity();  // the citizen needs the full idle time to read the answer
    }

    void on(const event::LookupFailed& e) {
        if (s().screen != Screen::LookingUp || e.requestId != s().lookupRequestId) return;
        if (e.error.kind == LookupErrorKind::Cancelled) return;  // only we cancel, and Back already left
        s().lookupDeadline.reset();
        if (e.error.kind == LookupErrorKind::NotFound) {
            s().screen = Screen::NotFound;
        } else {
            s().error = e.error;
            s().screen = Screen::Problem;
        }
        activity();
    }

    void on(const event::PrintRequested&) {
        activity();
        if (s().print == PrintStatus::Printing) return;
        if (s().screen == Screen::Result && s().dossier) {
            out.commands.emplace_back(command::PrintStatusSlip{*s().dossier, s().language});
        } else if (s().screen == Screen::Guidance && s().guidance.page == GuidancePage::Detail) {
            out.commands.emplace_back(command::PrintGuidanceSlip{s().guidance.entryId, s().language});
        } else {
            return;
        }
        s().print = PrintStatus::Printing;
        s().printFailure.reset();
    }

    void on(const event::PrintFinished& e) {
        if (s().print != PrintStatus::Printing) return;
        s().print = e.failure ? PrintStatus::Failed : PrintStatus::Printed;
        s().printFailure = e.failure;
        if (s().screen == Screen::StaffMenu && s().staff.testPage) {
            const std::string detail = e.failure ? std::string(toString(*e.failure)) : std::string("printed");
            out.commands.emplace_back(command::Staff{staff_task::Audit{AuditAction::TestPagePrinted, detail}});
        }
        activity();  // a slip just came out: give the citizen time to take it
    }

    void on(const event::RatingChosen& e) {
        activity();
        if (s().screen != Screen::Result || !s().dossier) return;
        if (s().rating == RatingStatus::Sending || s().rating == RatingStatus::Sent) return;
        s().rating = RatingStatus::Sending;
        s().ratingLevel = e.level;
        std::string key = cfg.instanceId + "-" + std::to_string(s().sessionId) + "-" + s().dossier->code;
        out.commands.emplace_back(command::SendRating{s().dossier->code, e.level, std::move(key)});
    }

    void on(const event::RatingSent& e) {
        if (s().rating != RatingStatus::Sending) return;
        s().rating = e.ok ? RatingStatus::Sent : RatingStatus::Failed;
    }

    void on(const event::GuidanceOpened&) {
        activity();
        if (s().screen != Screen::Attract && s().screen != Screen::Result && s().screen != Screen::NotFound &&
            s().screen != Screen::Problem && s().screen != Screen::InvalidCode) {
            return;
        }
        if (s().screen != Screen::Attract) {
            clearOutcome(s());
            s().reading.reset();
        }
        s().guidance = {};
        s().print = PrintStatus::Idle;
        s().screen = Screen::Guidance;
    }

    void on(const event::GuidanceSearchOpened&) {
        activity();
        if (s().screen == Screen::Guidance && s().guidance.page == GuidancePage::Home) s().guidance.page = GuidancePage::Search;
    }

    void on(const event::GuidanceEntryOpened& e) {
        activity();
        if (s().screen != Screen::Guidance || s().guidance.page == GuidancePage::Detail || e.id.empty()) return;
        s().guidance.backTo = s().guidance.page;
        s().guidance.page = GuidancePage::Detail;
        s().guidance.entryId = e.id;
        s().print = PrintStatus::Idle;
        s().printFailure.reset();
    }

    void on(const event::GuidanceCategoryChosen& e) {
        activity();
        if (s().screen == Screen::Guidance && s().guidance.page == GuidancePage::Home) s().guidance.category = e.id;
    }

    void on(const event::GuidanceQueryEdited& e) {
        activity();
        if (s().screen == Screen::Guidance && s().guidance.page == GuidancePage::Search) s().guidance.query = e.text;
    }

    void on(const event::LanguageChosen& e) {
        activity();
        s().language = e.language;
    }
    void on(const event::LargeTextToggled&) {
        activity();
        s().largeText = !s().largeText;
    }
    void on(const event::HighContrastToggled&) {
        activity();
        s().highContrast = !s().highContrast;
    }
    void on(const event::UserActivity&) { activity(); }

    void on(const event::Tick&) {
        // The de-duplication ends on its own once the receipt has been out of view for the window.
        if (!s().lastScanKey.empty() && now - s().lastScanAt >= seconds(cfg.dedupeSeconds)) {
            s().lastScanKey.clear();
            s().lastScanAt = {};
        }
        if (!isCitizenScreen(s().screen) || s().pinLockedUntil) {
            auto st = staffStep();
            detail::staffTick(st);  // lockout end, staff idle
            if (!st.leave.empty()) {
                leaveStaff(st.leave);
                return;
            }
            if (!isCitizenScreen(s().screen)) return;  // staff screens have no idle warning
        }
        if (s().screen == Screen::LookingUp) {
            // The lookup has its own timeouts; this is the net under them. Idle does not run meanwhile.
            if (s().lookupDeadline && now >= *s().lookupDeadline) {
                out.commands.emplace_back(command::CancelLookup{s().lookupRequestId});
                s().lookupDeadline.reset();
                s().error = LookupError{LookupErrorKind::Timeout, "no answer within the flow's lookup deadline", 0};
                s().screen = Screen::Problem;
                activity();
            }
            return;
        }
        if (s().print == PrintStatus::Printing) return;  // never reset under a slip being printed
        if (isPristine(s(), cfg)) return;
        const auto idle = seconds(cfg.idleSeconds);
        const auto warn = seconds(cfg.warningSeconds);
        if (s().idleWarningDeadline) {
            if (now >= *s().idleWarningDeadline) reset();
            return;
        }
        if (now - s().lastActivity < idle) return;
        // A bare Attract (only language or accessibility changed) has nothing to lose: reset at once.
        // So does a tick that arrives after the whole warning would already have run out.
        if (s().screen == Screen::Attract || now - s().lastActivity >= idle + warn) {
            // Not for a receipt still in view on a bare Attract: there is nothing to wipe, and its
            // de-duplication ends above when it is taken away.
            if (s().screen == Screen::Attract && isPristineButForScan(s(), cfg)) return;
            reset();
            return;
        }
        s().idleWarningDeadline = s().lastActivity + idle + warn;
    }

    void on(const event::StaffGestureDetected&) {
        activity();
        if (!detail::staffGestureAllowed(s(), cfg)) return;
        if (s().screen != Screen::Attract) reset();
        s().staff = {};
        s().screen = Screen::StaffPin;
        s().lastActivity = now;
    }

    void on(const event::PinEntered& e) {
        activity();
        auto st = staffStep();
        detail::staffPinEntered(st, e.ok);
    }

    void on(const event::StaffExit&) {
        if (s().screen != Screen::StaffMenu) return;
        leaveStaff("button");
    }

    void on(const event::Staff& e) {
        if (!std::holds_alternative<staff::SettingsReloaded>(e.action)) activity();
        auto st = staffStep();
        detail::stepStaff(st, e.action);
        if (!st.leave.empty()) leaveStaff(st.leave);
    }
};

}  // namespace

std::string_view toString(Screen s) {
    switch (s) {
        case Screen::Attract: return "Attract";
        case Screen::ManualEntry: return "ManualEntry";
        case Screen::LookingUp: return "LookingUp";
        case Screen::Result: return "Result";
        case Screen::NotFound: return "NotFound";
        case Screen::InvalidCode: return "InvalidCode";
        case Screen::Problem: return "Problem";
        case Screen::Guidance: return "Guidance";
        case Screen::StaffPin: return "StaffPin";
        case Screen::StaffMenu: return "StaffMenu";
        case Screen::Setup: return "Setup";
    }
    return "?";
}

std::string_view translationKey(PrintStatus status) {
    switch (status) {
        case PrintStatus::Printing: return "flow.print.printing";
        case PrintStatus::Printed: return "flow.print.done";
        case PrintStatus::Idle:
        case PrintStatus::Failed: return {};
    }
    return {};
}

FlowState initialFlowState(const FlowConfig& config, TimePoint now) {
    FlowState s;
    if (config.setupRequired) s.screen = Screen::Setup;
    s.language = config.defaultLanguage;
    s.largeText = config.defaultLargeText;
    s.highContrast = config.defaultHighContrast;
    s.lastActivity = now;
    return s;
}

bool isPristineButForScan(const FlowState& s, const FlowConfig& c) {
    // Setup waits for a provisioning code and has no idle timeout: untouched, time does nothing there.
    const bool restingScreen = s.screen == Screen::Attract || (s.screen == Screen::Setup && s.staff == StaffState{});
    return restingScreen && s.language == c.defaultLanguage && s.largeText == c.defaultLargeText &&
           s.highContrast == c.defaultHighContrast && !s.dossier && !s.error && !s.invalidReason && !s.reading &&
           s.typedSymbols.empty() && !s.idleWarningDeadline && !s.pinLockedUntil;
}

bool isPristine(const FlowState& s, const FlowConfig& c) { return isPristineButForScan(s, c) && s.lastScanKey.empty(); }

std::optional<int> idleWarningSecondsLeft(const FlowState& state, TimePoint now) {
    if (!state.idleWarningDeadline) return std::nullopt;
    if (now >= *state.idleWarningDeadline) return 0;
    const auto left = *state.idleWarningDeadline - now;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

Transition step(const FlowState& state, const Event& event, TimePoint now, const FlowConfig& config) {
    Stepper st{state, now, config};
    std::visit([&st](const auto& e) { st.on(e); }, event);
    return std::move(st.out);
}

}  // namespace kiosk::core
