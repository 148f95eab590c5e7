#include "kiosk/core/flow/flow.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace std::chrono_literals;
namespace ev = kiosk::core::event;
namespace cmd = kiosk::core::command;

namespace {

const DossierCode kCode{"000.00.06.H56-231027-0361"};

Dossier makeDossier(const std::string& code) {
    Dossier d;
    d.code = code;
    d.status = DossierStatus::Processing;
    return d;
}

/// Drives the flow like the app does: keeps state, clock and the last commands.
struct Session {
    FlowConfig cfg;
    TimePoint now{};
    FlowState state;
    std::vector<Command> commands;

    Session() { state = initialFlowState(cfg, now); }
    explicit Session(FlowConfig c) : cfg(std::move(c)) { state = initialFlowState(cfg, now); }

    void post(const Event& e) {
        auto t = step(state, e, now, cfg);
        state = std::move(t.state);
        commands = std::move(t.commands);
    }
    void advance(std::chrono::seconds d) {
        now += d;
        post(ev::Tick{});
    }
    template <class C>
    const C* find() const {
        for (const auto& c : commands)
            if (const auto* p = std::get_if<C>(&c)) return p;
        return nullptr;
    }
    std::uint64_t lookupId() const {
        const auto* s = find<cmd::StartLookup>();
        return s ? s->requestId : 0;
    }
    /// The receipt under the camera, looked up and shown.
    void cameraResult() {
        post(ev::ReceiptRead{kCode, InputSource::Camera});
        post(ev::LookupSucceeded{lookupId(), makeDossier(kCode.value)});
    }
};

}  // namespace

TEST(FlowTest, ScanResultPrintDone) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    ASSERT_EQ(s.state.screen, Screen::LookingUp);
    const auto* start = s.find<cmd::StartLookup>();
    ASSERT_NE(start, nullptr);
    EXPECT_EQ(std::get<DossierCode>(start->reading), kCode);
    const auto id = start->requestId;

    s.now += 1s;
    s.post(ev::LookupSucceeded{id, makeDossier(kCode.value)});
    ASSERT_EQ(s.state.screen, Screen::Result);
    ASSERT_TRUE(s.state.dossier);
    EXPECT_EQ(s.state.dossier->code, kCode.value);

    s.post(ev::PrintRequested{});
    EXPECT_EQ(s.state.print, PrintStatus::Printing);
    ASSERT_NE(s.find<cmd::PrintStatusSlip>(), nullptr);
    EXPECT_EQ(s.find<cmd::PrintStatusSlip>()->dossier.code, kCode.value);
    s.post(ev::PrintRequested{});  // a second press while printing prints nothing more
    EXPECT_TRUE(s.commands.empty());
    s.post(ev::PrintFinished{});
    EXPECT_EQ(s.state.print, PrintStatus::Printed);

    s.post(ev::RatingChosen{RatingLevel::VerySatisfied});
    const auto* rating = s.find<cmd::SendRating>();
    ASSERT_NE(rating, nullptr);
    EXPECT_EQ(rating->dossierCode, kCode.value);
    EXPECT_EQ(rating->level, RatingLevel::VerySatisfied);
    EXPECT_EQ(rating->idempotencyKey, "kiosk-1-" + kCode.value);
    EXPECT_EQ(s.state.rating, RatingStatus::Sending);
    s.post(ev::RatingChosen{RatingLevel::Unsatisfied});  // no second rating while sending
    EXPECT_EQ(s.find<cmd::SendRating>(), nullptr);
    s.post(ev::RatingSent{true});
    EXPECT_EQ(s.state.rating, RatingStatus::Sent);

    const auto session = s.state.sessionId;
    s.post(ev::Done{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_FALSE(s.state.dossier);
    EXPECT_EQ(s.state.rating, RatingStatus::NotRated);
    EXPECT_EQ(s.state.sessionId, session + 1);
    EXPECT_NE(s.find<cmd::WipeSession>(), nullptr);

    // The receipt is still under the camera: no new lookup within the dedupe window.
    s.now += 2s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(s.commands.empty());
    // After the window a fresh scan works again.
    s.now += 11s;
    s.post(ev::ReceiptRead{kCode, InputSource::Scanner});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}

TEST(FlowTest, TypedCodeNotFoundThenBackToKeypad) {
    Session s;
    s.post(ev::ManualEntryOpened{});
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    s.post(ev::ReceiptRead{kCode, InputSource::Keypad});
    ASSERT_EQ(s.state.screen, Screen::LookingUp);
    s.post(ev::LookupFailed{s.lookupId(), LookupError{LookupErrorKind::NotFound, "404", 404}});
    EXPECT_EQ(s.state.screen, Screen::NotFound);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    EXPECT_FALSE(s.state.reading);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
}

TEST(FlowTest, InvalidTypedCodeShowsReasonAndBackReturnsToKeypad) {
    Session s;
    s.post(ev::ManualEntryOpened{});
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::BadCodeFormat}, InputSource::Keypad});
    EXPECT_EQ(s.state.screen, Screen::InvalidCode);
    ASSERT_TRUE(s.state.invalidReason);
    EXPECT_EQ(*s.state.invalidReason, NotReceiptReason::BadCodeFormat);
    EXPECT_TRUE(s.commands.empty());
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    EXPECT_FALSE(s.state.invalidReason);
}

TEST(FlowTest, BackendDownShowsProblemAndRetryRepeatsLookup) {
    Session s;
    const ReceiptToken token{"8f1c2a7e-0000-4000-8000-000000000001"};
    s.post(ev::ReceiptRead{token, InputSource::Camera});
    const auto first = s.lookupId();
    s.post(ev::LookupFailed{first, LookupError{LookupErrorKind::Offline, "refused", 0}});
    ASSERT_EQ(s.state.screen, Screen::Problem);
    ASSERT_TRUE(s.state.error);
    EXPECT_EQ(s.state.error->kind, LookupErrorKind::Offline);
    s.post(ev::Retry{});
    ASSERT_EQ(s.state.screen, Screen::LookingUp);
    EXPECT_GT(s.lookupId(), first);
    EXPECT_EQ(std::get<ReceiptToken>(s.find<cmd::StartLookup>()->reading), token);
    EXPECT_FALSE(s.state.error);
    // A late answer to the first request is ignored.
    s.post(ev::LookupSucceeded{first, makeDossier("X")});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
    s.post(ev::LookupFailed{s.state.lookupRequestId, LookupError{LookupErrorKind::Server, "500", 500}});
    EXPECT_EQ(s.state.screen, Screen::Problem);
    EXPECT_EQ(s.state.error->kind, LookupErrorKind::Server);
    s.post(ev::Back{});  // scanned, so back leads to Attract
    EXPECT_EQ(s.state.screen, Screen::Attract);
}

TEST(FlowTest, CancelDuringLookupEmitsCancelAndIgnoresLateAnswer) {
    Session s;
    s.post(ev::ManualEntryOpened{});
    s.post(ev::ReceiptRead{kCode, InputSource::Keypad});
    const auto id = s.lookupId();
    s.post(ev::ReceiptRead{DossierCode{"000.17.22.H56-210531-0001"}, InputSource::Camera});  // ignored
    EXPECT_TRUE(s.commands.empty());
    EXPECT_EQ(std::get<DossierCode>(*s.state.reading), kCode);
    s.post(ev::Back{});
    const auto* cancel = s.find<cmd::CancelLookup>();
    ASSERT_NE(cancel, nullptr);
    EXPECT_EQ(cancel->requestId, id);
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    s.post(ev::LookupSucceeded{id, makeDossier(kCode.value)});
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    EXPECT_FALSE(s.state.dossier);
    s.post(ev::LookupFailed{id, LookupError{LookupErrorKind::Cancelled, "", 0}});
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
}

TEST(FlowTest, LookupDeadlineGivesTimeoutProblem) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Scanner});
    const auto id = s.lookupId();
    s.advance(29s);
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
    s.advance(1s);
    EXPECT_EQ(s.state.screen, Screen::Problem);
    EXPECT_EQ(s.state.error->kind, LookupErrorKind::Timeout);
    ASSERT_NE(s.find<cmd::CancelLookup>(), nullptr);
    EXPECT_EQ(s.find<cmd::CancelLookup>()->requestId, id);
}

TEST(FlowTest, IdleWarningThenActivityKeepsSession) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.advance(59s);
    EXPECT_FALSE(s.state.idleWarningDeadline);
    EXPECT_EQ(idleWarningSecondsLeft(s.state, s.now), std::nullopt);
    s.advance(1s);
    ASSERT_TRUE(s.state.idleWarningDeadline);
    EXPECT_EQ(idleWarningSecondsLeft(s.state, s.now), 15);
    s.now += 4500ms;
    EXPECT_EQ(idleWarningSecondsLeft(s.state, s.now), 11);  // rounded up
    s.post(ev::UserActivity{});
    EXPECT_FALSE(s.state.idleWarningDeadline);
    EXPECT_EQ(s.state.screen, Screen::Result);
    EXPECT_TRUE(s.state.dossier);
}

TEST(FlowTest, IdleResetWipesEverything) {
    Session s;
    s.post(ev::LanguageChosen{Language::En});
    s.post(ev::LargeTextToggled{});
    s.post(ev::HighContrastToggled{});
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::RatingChosen{RatingLevel::Satisfied});
    s.post(ev::RatingSent{false});
    EXPECT_EQ(s.state.rating, RatingStatus::Failed);
    s.advance(60s);
    ASSERT_TRUE(s.state.idleWarningDeadline);
    s.advance(14s);
    EXPECT_EQ(s.state.screen, Screen::Result);
    s.advance(1s);
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_NE(s.find<cmd::WipeSession>(), nullptr);
    EXPECT_FALSE(s.state.dossier);
    EXPECT_FALSE(s.state.reading);
    EXPECT_FALSE(s.state.error);
    EXPECT_FALSE(s.state.ratingLevel);
    EXPECT_FALSE(s.state.idleWarningDeadline);
    EXPECT_EQ(s.state.rating, RatingStatus::NotRated);
    EXPECT_EQ(s.state.language, Language::Vi);
    EXPECT_FALSE(s.state.largeText);
    EXPECT_FALSE(s.state.highContrast);
    EXPECT_TRUE(s.state.lastScanKey.empty());
    // The same receipt scanned after the idle reset, long after it was last in view, is a new citizen's.
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}

// A receipt forgotten under the camera: the idle warning and reset come as for anyone who walked away,
// and the receipt, still read every half second, is not looked up again for whoever comes next; the bare
// Attract is not wiped over and over meanwhile. (Every read used to count as activity: the dossier stayed
// on screen as long as the receipt lay there.) Taken away for the dedupe window, it is forgotten, and
// then it is news.
TEST(FlowTest, ReceiptLeftUnderTheCameraIsNotLookedUpAgainAfterTheIdleReset) {
    Session s;
    s.cameraResult();
    ASSERT_EQ(s.state.screen, Screen::Result);
    const auto lookups = s.state.lookupRequestId;
    bool reset = false;
    int wipes = 0;
    for (int i = 0; i < 400; ++i) {  // 200 s in view: the warning, the reset, then a long quiet Attract
        s.now += 500ms;
        s.post(ev::Tick{});
        if (s.find<cmd::WipeSession>() != nullptr) ++wipes;
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
        reset = reset || s.state.screen == Screen::Attract;
        if (reset) {
            ASSERT_EQ(s.state.screen, Screen::Attract) << "read again " << i / 2 << " s after it was left";
        }
    }
    EXPECT_TRUE(reset);
    EXPECT_EQ(wipes, 1);
    EXPECT_EQ(s.state.lookupRequestId, lookups);
    EXPECT_FALSE(s.state.dossier);
    EXPECT_FALSE(isPristine(s.state, s.cfg));  // the receipt is still remembered: the app keeps ticking
    // Taken away for longer than the dedupe window (10 s): a tick forgets it, and the same receipt is
    // a new citizen's.
    s.advance(11s);
    EXPECT_TRUE(s.state.lastScanKey.empty());
    EXPECT_TRUE(isPristine(s.state, s.cfg));
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}

// The receipt stays under the camera while a slow backend answers (longer than the dedupe window):
// reads during the lookup keep its de-duplication alive, so after "not found" it is not looked up
// again and again; a different code seen meanwhile is not remembered.
TEST(FlowTest, ReceiptInViewDuringASlowLookupIsNotLookedUpAgainAfterIt) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    ASSERT_EQ(s.state.screen, Screen::LookingUp);
    const auto lookups = s.state.lookupRequestId;
    const ReceiptReading other = DossierCode{"000.00.06.H56-231027-0999"};
    for (int i = 0; i < 24; ++i) {  // 12 s: longer than the window (10 s here)
        s.now += 500ms;
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
        if (i == 8) s.post(ev::ReceiptRead{other, InputSource::Camera});
    }
    s.post(ev::LookupFailed{s.state.lookupRequestId, LookupError{LookupErrorKind::NotFound, "not found", 404}});
    ASSERT_EQ(s.state.screen, Screen::NotFound);
    for (int i = 0; i < 10; ++i) {
        s.now += 500ms;
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
        ASSERT_EQ(s.state.screen, Screen::NotFound) << i;
    }
    EXPECT_EQ(s.state.lookupRequestId, lookups);
    s.post(ev::ReceiptRead{other, InputSource::Camera});  // the other code was never remembered: news
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}

// A citizen scanning the shown receipt again with a hardware scanner is someone at the kiosk: it keeps
// the session (and dismisses the idle warning) though the scan itself is a repeat.
TEST(FlowTest, AScannerRepeatIsActivityACameraRepeatIsNot) {
    Session s;
    s.cameraResult();
    ASSERT_EQ(s.state.screen, Screen::Result);
    for (int i = 0; i < 122; ++i) {  // 61 s with the receipt in view: the warning comes
        s.now += 500ms;
        s.post(ev::Tick{});
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    }
    ASSERT_TRUE(s.state.idleWarningDeadline);
    ASSERT_EQ(s.state.screen, Screen::Result);
    s.post(ev::ReceiptRead{kCode, InputSource::Scanner});
    EXPECT_FALSE(s.state.idleWarningDeadline);
    EXPECT_EQ(s.state.screen, Screen::Result);
}

TEST(FlowTest, LateTickResetsWithoutWarning) {
    Session s;
    s.post(ev::ManualEntryOpened{});
    s.advance(120s);
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_NE(s.find<cmd::WipeSession>(), nullptr);
}

TEST(FlowTest, PristineAttractNeverResetsAndChangedAttractResetsSilently) {
    Session s;
    s.advance(3600s);
    EXPECT_TRUE(s.commands.empty());
    s.post(ev::LanguageChosen{Language::En});
    EXPECT_EQ(s.state.language, Language::En);
    s.advance(60s);
    EXPECT_EQ(s.state.language, Language::Vi);
    EXPECT_FALSE(s.state.idleWarningDeadline);
    EXPECT_NE(s.find<cmd::WipeSession>(), nullptr);
}

TEST(FlowTest, DefaultLanguageComesFromConfig) {
    FlowConfig cfg;
    cfg.defaultLanguage = Language::En;
    Session s(cfg);
    EXPECT_EQ(s.state.language, Language::En);
    s.post(ev::LanguageChosen{Language::Vi});
    s.post(ev::ManualEntryOpened{});
    s.post(ev::Done{});
    EXPECT_EQ(s.state.language, Language::En);
}

TEST(FlowTest, LanguageSwitchKeepsResult) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::LanguageChosen{Language::En});
    EXPECT_EQ(s.state.language, Language::En);
    EXPECT_EQ(s.state.screen, Screen::Result);
    s.post(ev::PrintRequested{});
    EXPECT_EQ(s.find<cmd::PrintStatusSlip>()->language, Language::En);
}

TEST(FlowTest, DifferentCodeDuringResultReplacesItSameCodeIsIgnored) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.now += 30s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::Result);
    EXPECT_TRUE(s.commands.empty());
    const DossierCode other{"000.00.04.H40-230414-0002"};
    s.post(ev::ReceiptRead{other, InputSource::Camera});
    ASSERT_EQ(s.state.screen, Screen::LookingUp);
    EXPECT_FALSE(s.state.dossier);
    EXPECT_EQ(std::get<DossierCode>(s.find<cmd::StartLookup>()->reading), other);
}

TEST(FlowTest, ScanIgnoredWhilePrinting) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::PrintRequested{});
    s.post(ev::ReceiptRead{DossierCode{"000.00.04.H40-230414-0002"}, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::Result);
    // Idle does not reset under a slip being printed.
    s.advance(200s);
    EXPECT_EQ(s.state.screen, Screen::Result);
    s.post(ev::PrintFinished{kiosk::core::PrintFailure::PaperOut});
    EXPECT_EQ(s.state.print, PrintStatus::Failed);
    EXPECT_EQ(s.state.printFailure, kiosk::core::PrintFailure::PaperOut);
    s.post(ev::PrintFinished{});  // no print in progress: ignored
    EXPECT_EQ(s.state.print, PrintStatus::Failed);
}

TEST(FlowTest, StrayBarcodeDoesNotReplaceResultOrGuide) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::BadCodeFormat}, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::Result);
    EXPECT_TRUE(s.state.dossier);
    s.post(ev::GuidanceOpened{});
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::UnsupportedLink}, InputSource::Scanner});
    EXPECT_EQ(s.state.screen, Screen::Guidance);
}

TEST(FlowTest, CameraSeesNonReceiptOnce) {
    Session s;
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::UntrustedHost}, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::InvalidCode);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    s.now += 1s;
    s.post(ev::ReceiptRead{NotAReceipt{NotReceiptReason::UntrustedHost}, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::Attract);
}

TEST(FlowTest, GuidanceBrowseSearchDetailPrintBack) {
    Session s;
    s.post(ev::GuidanceOpened{});
    ASSERT_EQ(s.state.screen, Screen::Guidance);
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Home);
    s.post(ev::PrintRequested{});  // nothing to print on the home page
    EXPECT_TRUE(s.commands.empty());
    s.post(ev::GuidanceEntryOpened{"ly-lich-tu-phap"});
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Detail);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Home);
    s.post(ev::GuidanceSearchOpened{});
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Search);
    s.post(ev::GuidanceEntryOpened{""});  // empty id: ignored
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Search);
    s.post(ev::GuidanceEntryOpened{"dang-ky-khai-sinh"});
    EXPECT_EQ(s.state.guidance.entryId, "dang-ky-khai-sinh");
    s.post(ev::PrintRequested{});
    const auto* slip = s.find<cmd::PrintGuidanceSlip>();
    ASSERT_NE(slip, nullptr);
    EXPECT_EQ(slip->entryId, "dang-ky-khai-sinh");
    s.post(ev::PrintFinished{});
    s.post(ev::Back{});
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Search);
    EXPECT_EQ(s.state.print, PrintStatus::Idle);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.guidance.page, GuidancePage::Home);
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
}

TEST(FlowTest, GuidanceFromResultDropsDossierAndScanStartsLookup) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::GuidanceOpened{});
    EXPECT_EQ(s.state.screen, Screen::Guidance);
    EXPECT_FALSE(s.state.dossier);
    s.post(ev::ManualEntryOpened{});  // not from guidance
    EXPECT_EQ(s.state.screen, Screen::Guidance);
    s.post(ev::ReceiptRead{DossierCode{"000.00.04.H40-230414-0002"}, InputSource::Scanner});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
    s.post(ev::GuidanceOpened{});  // not while looking up
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}

// Staff mode and setup: tests/unit/flow/StaffFlowTest.cpp.

TEST(FlowTest, EventsThatDoNotApplyLeaveStateAlone) {
    Session s;
    s.post(ev::Done{});
    EXPECT_TRUE(s.commands.empty());
    s.post(ev::Back{});
    s.post(ev::Retry{});
    s.post(ev::RatingChosen{RatingLevel::Satisfied});
    s.post(ev::RatingSent{true});
    s.post(ev::PinEntered{true});
    s.post(ev::GuidanceSearchOpened{});
    s.post(ev::GuidanceEntryOpened{"x"});
    s.post(ev::LookupSucceeded{0, makeDossier("X")});
    s.post(ev::LookupFailed{0, LookupError{}});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(s.commands.empty());
    EXPECT_FALSE(s.state.dossier);
}

TEST(FlowTest, LanguageNames) {
    EXPECT_EQ(toString(Language::Vi), "vi");
    EXPECT_EQ(toString(Language::En), "en");
    EXPECT_EQ(languageFromString("EN"), Language::En);
    EXPECT_EQ(languageFromString("vi"), Language::Vi);
    EXPECT_EQ(languageFromString("fr"), std::nullopt);
    EXPECT_EQ(languageFromString("vie"), std::nullopt);
}

// The office's text size and contrast are every session's defaults: a fresh state starts with them, an
// idle reset or Done puts them back, and only a difference from them makes Attract not pristine (so a
// kiosk with large text by default does not tick forever on an empty Attract).
TEST(FlowTest, AccessibilityDefaultsComeFromConfig) {
    FlowConfig cfg;
    cfg.defaultLargeText = true;
    cfg.defaultHighContrast = true;
    Session s(cfg);
    EXPECT_TRUE(s.state.largeText);
    EXPECT_TRUE(s.state.highContrast);
    EXPECT_TRUE(isPristine(s.state, cfg));
    s.post(ev::LargeTextToggled{});
    EXPECT_FALSE(s.state.largeText);
    EXPECT_FALSE(isPristine(s.state, cfg));
    s.post(ev::ManualEntryOpened{});
    s.post(ev::Done{});
    EXPECT_TRUE(s.state.largeText);
    EXPECT_TRUE(s.state.highContrast);
    EXPECT_TRUE(isPristine(s.state, cfg));
    s.post(ev::HighContrastToggled{});
    s.advance(61s);  // idle on Attract: reset at once
    EXPECT_TRUE(s.state.highContrast);
    EXPECT_TRUE(isPristine(s.state, cfg));
}

// The typed code is session state in the flow: kept for a correction after NotFound, cleared when the
// keypad opens from Attract, and gone after Back to Attract or a reset.
TEST(FlowTest, TypedCodeLivesInTheFlow) {
    Session s;
    s.post(ev::ManualEntryOpened{});
    s.post(ev::CodeEdited{"0000006H56231027"});
    EXPECT_EQ(s.state.typedSymbols, "0000006H56231027");
    EXPECT_FALSE(isPristine(s.state, s.cfg));
    s.post(ev::ReceiptRead{kCode, InputSource::Keypad});
    s.post(ev::LookupFailed{s.lookupId(), LookupError{LookupErrorKind::NotFound, "", 404}});
    ASSERT_EQ(s.state.screen, Screen::NotFound);
    s.post(ev::ManualEntryOpened{});  // "try again": correct what was typed
    EXPECT_EQ(s.state.screen, Screen::ManualEntry);
    EXPECT_EQ(s.state.typedSymbols, "0000006H56231027");
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(s.state.typedSymbols.empty());
    s.post(ev::ManualEntryOpened{});
    s.post(ev::CodeEdited{"12"});
    s.post(ev::Done{});
    EXPECT_TRUE(s.state.typedSymbols.empty());
    // Edits on another screen change nothing.
    s.post(ev::CodeEdited{"99"});
    EXPECT_TRUE(s.state.typedSymbols.empty());
}

// The guide's topic and search text belong to the session too.
TEST(FlowTest, GuideTopicAndQueryLiveInTheFlow) {
    Session s;
    s.post(ev::GuidanceOpened{});
    s.post(ev::GuidanceCategoryChosen{"tu-phap"});
    EXPECT_EQ(s.state.guidance.category, "tu-phap");
    s.post(ev::GuidanceSearchOpened{});
    s.post(ev::GuidanceQueryEdited{"ly lich"});
    EXPECT_EQ(s.state.guidance.query, "ly lich");
    s.post(ev::GuidanceCategoryChosen{"other"});  // not on the home page: ignored
    EXPECT_EQ(s.state.guidance.category, "tu-phap");
    s.post(ev::Back{});
    s.post(ev::Back{});
    EXPECT_EQ(s.state.screen, Screen::Attract);
    EXPECT_TRUE(s.state.guidance.category.empty());
    EXPECT_TRUE(s.state.guidance.query.empty());
}

// A print failure is a typed reason, carried from the printer to the screen.
TEST(FlowTest, PrintFailureIsTyped) {
    Session s;
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    s.post(ev::LookupSucceeded{s.lookupId(), makeDossier(kCode.value)});
    s.post(ev::PrintRequested{});
    s.post(ev::PrintFinished{PrintFailure::CoverOpen});
    EXPECT_EQ(s.state.print, PrintStatus::Failed);
    EXPECT_EQ(s.state.printFailure, PrintFailure::CoverOpen);
    s.post(ev::PrintRequested{});
    EXPECT_FALSE(s.state.printFailure);
    s.post(ev::PrintFinished{});
    EXPECT_EQ(s.state.print, PrintStatus::Printed);
}

// The one rule for repeats (the scan service only throttles them): a receipt still under the camera
// after Done is not looked up again while it stays in view; away for the dedupe window, it is.
TEST(FlowTest, ReceiptStillInViewAfterDoneIsNotLookedUpAgain) {
    Session s;
    s.cameraResult();
    ASSERT_EQ(s.state.screen, Screen::Result);
    for (int i = 0; i < 40; ++i) {  // read for 20 s while the receipt stays in view
        s.now += 500ms;
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    }
    s.post(ev::Done{});
    const auto lookups = s.state.lookupRequestId;
    for (int i = 0; i < 20; ++i) {
        s.now += 500ms;
        s.post(ev::ReceiptRead{kCode, InputSource::Camera});
        ASSERT_EQ(s.state.screen, Screen::Attract) << i;
    }
    EXPECT_EQ(s.state.lookupRequestId, lookups);
    // Taken away for longer than the dedupe window (the idle reset comes meanwhile): the next citizen's receipt is news.
    s.advance(61s);
    s.post(ev::ReceiptRead{kCode, InputSource::Camera});
    EXPECT_EQ(s.state.screen, Screen::LookingUp);
}
