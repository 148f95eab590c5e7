// Headless smoke test of every citizen screen: the real font atlas, frames via NewFrame/Render, at
// landscape and portrait sizes, in both languages, with large text and high contrast. Checks that
// every button is inside the screen, at least the touch size, and never overlaps another, and that
// taps produce the right events.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <tuple>

#include "kiosk/core/flow/flow.hpp"
#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "tests/ui/fixtures.hpp"
#include "tests/ui/result_fixtures.hpp"
#include "tests/ui/guidance_fixtures.hpp"
#include "tests/ui/headless.hpp"
#include "tests/ui/touch_rules.hpp"

namespace kiosk::ui {
namespace {

using Draw = std::function<std::optional<UiEvent>()>;

struct Case {
    int width;
    int height;
    const char* language;
    bool largeText;
    bool highContrast;
};

class ScreensSmokeTest : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        const Case& c = GetParam();
        auto loaded = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, c.language);
        ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
        m_strings = std::move(*loaded);
        m_ui = std::make_unique<test::HeadlessUi>(c.width, c.height, c.largeText, c.highContrast);
        m_chrome = test::sampleChrome(m_strings, std::string(c.language) == "vi" ? Language::Vi : Language::En,
                                      c.largeText, c.highContrast);
    }

    // Draws a few frames (layout settles in the second) and checks the buttons of the last one.
    void checkLayout(const Draw& draw, const char* screen) {
        for (int i = 0; i < 3; ++i) {
            m_ui->frame(draw);
        }
        test::expectTouchTargetsFit(screen, GetParam().width, GetParam().height);
    }

    Strings m_strings;
    std::unique_ptr<test::HeadlessUi> m_ui;
    Chrome m_chrome;
};

TEST_P(ScreensSmokeTest, EveryScreenLaysOutTouchTargetsInsideTheScreenWithoutOverlap) {
    AttractView attract{m_chrome};
    checkLayout([&] { return drawAttract(attract); }, "attract");
    for (const char* typed : {"", "0000006", "0000006H5623102", "0000006H56231027036"}) {
        ManualEntryView entry{m_chrome, typed};
        checkLayout([&] { return drawManualEntry(entry); }, "manual-entry");
    }
    LookingUpView looking{m_chrome, "000.00.06.H56-261120-0361", 5.0};
    checkLayout([&] { return drawLookingUp(looking); }, "looking-up");
    for (const auto& dossier : {test::processingDossier(), test::needsDocumentsDossier(), test::needsPaymentDossier(),
                                test::doneDossier(), test::stoppedDossier()}) {
        const ResultView view = buildResultView(dossier, m_chrome, test::resultOptions());
        checkLayout([&] { return drawResult(view); }, "result");
    }
    NotFoundView notFound{m_chrome, "000.00.06.H56-231027-9999"};
    checkLayout([&] { return drawNotFound(notFound); }, "not-found");
    InvalidCodeView invalid{m_chrome, "untrusted_host"};
    checkLayout([&] { return drawInvalidCode(invalid); }, "invalid-code");
    ProblemView problem{m_chrome, core::LookupErrorKind::Offline};
    checkLayout([&] { return drawProblem(problem); }, "problem");
    IdleWarningView idle{m_chrome, 17};
    checkLayout([&] { return drawIdleWarning(idle); }, "idle");
}

TEST_P(ScreensSmokeTest, GuidancePagesLayOutTouchTargetsInsideTheScreenWithoutOverlap) {
    const auto& library = test::bundledGuidance();
    for (const char* category : {"", "justice", "family"}) {
        const GuidanceHomeView home = buildGuidanceHomeView(library, m_chrome, category);
        checkLayout([&] { return drawGuidanceHome(home); }, "guidance-home");
        EXPECT_TRUE(tapTargets().contains("guide-search"));
        EXPECT_TRUE(tapTargets().contains("guide-cat-all"));
        EXPECT_TRUE(tapTargets().contains("back"));
    }
    const GuidanceHomeView unavailable = buildGuidanceHomeView(core::guidance::GuidanceLibrary{}, m_chrome, "");
    checkLayout([&] { return drawGuidanceHome(unavailable); }, "guidance-home-unavailable");
    for (const char* query : {"", "ly lich", "ly lich tu phap giay khai sinh ket hon", "zzqx"}) {
        const GuidanceSearchView search = buildGuidanceSearchView(library, m_chrome, query);
        checkLayout([&] { return drawGuidanceSearch(search); }, "guidance-search");
        for (char c = 'a'; c <= 'z'; ++c) {
            EXPECT_TRUE(tapTargets().contains(std::string("gkey-") + c)) << c;
        }
        for (const char* id : {"gkey-aw", "gkey-aa", "gkey-dd", "gkey-ee", "gkey-oo", "gkey-ow", "gkey-uw", "gkey-space",
                               "gkey-back", "gkey-clear", "back"}) {
            EXPECT_TRUE(tapTargets().contains(id)) << id;
        }
    }
    for (const auto& entry : library.catalog().entries) {
        for (PrintProgress print : {PrintProgress::Idle, PrintProgress::Failed}) {
            const GuidanceDetailView detail = buildGuidanceDetailView(entry, library.catalog(), m_chrome, true, print);
            checkLayout([&] { return drawGuidanceDetail(detail); }, entry.id.c_str());
            EXPECT_TRUE(tapTargets().contains("guide-print"));
        }
    }
    const GuidanceDetailView noPrinter = buildGuidanceDetailView(*library.find(test::kJudicialRecordId), library.catalog(),
                                                                 m_chrome, false, PrintProgress::Idle);
    checkLayout([&] { return drawGuidanceDetail(noPrinter); }, "guidance-detail-no-printer");
    EXPECT_FALSE(tapTargets().contains("guide-print"));
}

// The whole guidance path by taps: a topic, the search field, typing "ly lich" on the keyboard
// (results follow the query), the first result, print and back.
TEST_P(ScreensSmokeTest, GuidanceTapsReportTheirEvents) {
    const auto& library = test::bundledGuidance();
    const GuidanceHomeView home = buildGuidanceHomeView(library, m_chrome, "");
    Draw drawHome = [&] { return drawGuidanceHome(home); };
    m_ui->frame(drawHome);
    const std::string firstTopic = home.tiles.at(1).id;  // lower tiles may be scrolled out of view
    auto e = m_ui->tap("guide-cat-" + firstTopic, drawHome);
    ASSERT_TRUE(e && std::holds_alternative<act::OpenGuideCategory>(*e));
    EXPECT_EQ(std::get<act::OpenGuideCategory>(*e).id, firstTopic);
    e = m_ui->tap("guide-cat-all", drawHome);
    ASSERT_TRUE(e && std::holds_alternative<act::OpenGuideCategory>(*e));
    EXPECT_EQ(std::get<act::OpenGuideCategory>(*e).id, "");
    e = m_ui->tap("guide-search", drawHome);
    EXPECT_TRUE(e && std::holds_alternative<act::OpenGuideSearch>(*e));
    const std::string firstId = "guide-entry-" + home.entries.at(0).id;
    e = m_ui->tap(firstId, drawHome);
    ASSERT_TRUE(e && std::holds_alternative<act::OpenGuideEntry>(*e));
    EXPECT_EQ(std::get<act::OpenGuideEntry>(*e).id, home.entries[0].id);
    e = m_ui->tap("back", drawHome);
    EXPECT_TRUE(e && std::holds_alternative<act::Back>(*e));

    std::string query;
    Draw drawSearch = [&] { return drawGuidanceSearch(buildGuidanceSearchView(library, m_chrome, query)); };
    m_ui->frame(drawSearch);
    EXPECT_FALSE(tapTargets().at("gkey-back").enabled);
    for (const char* key : {"gkey-l", "gkey-y", "gkey-space", "gkey-l", "gkey-i", "gkey-c", "gkey-x", "gkey-back",
                            "gkey-h"}) {
        e = m_ui->tap(key, drawSearch);
        ASSERT_TRUE(e && std::holds_alternative<act::EditGuideQuery>(*e)) << key;
        query = std::get<act::EditGuideQuery>(*e).text;
        m_ui->frame(drawSearch);
    }
    EXPECT_EQ(query, "ly lich");
    const std::string resultId = std::string("guide-entry-") + test::kJudicialRecordId;
    ASSERT_TRUE(tapTargets().contains(resultId)) << "the best result is in view";
    e = m_ui->tap(resultId, drawSearch);
    ASSERT_TRUE(e && std::holds_alternative<act::OpenGuideEntry>(*e));
    EXPECT_EQ(std::get<act::OpenGuideEntry>(*e).id, test::kJudicialRecordId);
    e = m_ui->tap("gkey-dd", drawSearch);  // the accent row appends whole UTF-8 letters
    ASSERT_TRUE(e && std::holds_alternative<act::EditGuideQuery>(*e));
    EXPECT_EQ(std::get<act::EditGuideQuery>(*e).text, "ly lichđ");
    query = "ly lichđ";
    m_ui->frame(drawSearch);
    e = m_ui->tap("gkey-back", drawSearch);  // backspace removes the whole letter
    ASSERT_TRUE(e && std::holds_alternative<act::EditGuideQuery>(*e));
    EXPECT_EQ(std::get<act::EditGuideQuery>(*e).text, "ly lich");
    e = m_ui->tap("gkey-clear", drawSearch);
    ASSERT_TRUE(e && std::holds_alternative<act::EditGuideQuery>(*e));
    EXPECT_EQ(std::get<act::EditGuideQuery>(*e).text, "");

    const GuidanceDetailView detail = buildGuidanceDetailView(*library.find(test::kJudicialRecordId), library.catalog(),
                                                              m_chrome, true, PrintProgress::Idle);
    Draw drawDetail = [&] { return drawGuidanceDetail(detail); };
    m_ui->frame(drawDetail);
    e = m_ui->tap("guide-print", drawDetail);
    EXPECT_TRUE(e && std::holds_alternative<act::PrintGuide>(*e));
    e = m_ui->tap("back", drawDetail);
    EXPECT_TRUE(e && std::holds_alternative<act::Back>(*e));

    GuidanceDetailView printing = detail;
    printing.print = PrintProgress::Printing;
    Draw drawPrinting = [&] { return drawGuidanceDetail(printing); };
    m_ui->frame(drawPrinting);
    EXPECT_FALSE(tapTargets().at("guide-print").enabled);
    EXPECT_FALSE(m_ui->tap("guide-print", drawPrinting).has_value());
}

TEST_P(ScreensSmokeTest, TapsOnTheKeypadTypeTheCodeAndSubmitIt) {
    std::string symbols;
    Draw draw = [&]() -> std::optional<UiEvent> {
        ManualEntryView view{m_chrome, symbols};
        return drawManualEntry(view);
    };
    m_ui->frame(draw);
    for (char c : std::string("0000006H56231027036")) {
        auto event = m_ui->tap(std::string("key-") + c, draw);
        ASSERT_TRUE(event.has_value()) << c;
        ASSERT_TRUE(std::holds_alternative<act::EditCode>(*event)) << c;
        symbols = std::get<act::EditCode>(*event).symbols;
        m_ui->frame(draw);
    }
    EXPECT_EQ(code_entry::format(symbols), "000.00.06.H56-231027-036");
    EXPECT_FALSE(tapTargets().at("submit").enabled);  // 3-digit sequence is not a whole code
    symbols += "1";
    m_ui->frame(draw);
    auto event = m_ui->tap("submit", draw);
    ASSERT_TRUE(event && std::holds_alternative<act::SubmitCode>(*event));
    EXPECT_EQ(std::get<act::SubmitCode>(*event).code, "000.00.06.H56-231027-0361");
}

TEST_P(ScreensSmokeTest, AttractSwitchesAndResultActionsReportTheirEvents) {
    AttractView attract{m_chrome};
    Draw drawA = [&] { return drawAttract(attract); };
    m_ui->frame(drawA);
    auto e = m_ui->tap("lang-en", drawA);
    ASSERT_TRUE(e && std::holds_alternative<act::SetLanguage>(*e));
    EXPECT_EQ(std::get<act::SetLanguage>(*e).language, Language::En);
    e = m_ui->tap("manual-entry", drawA);
    EXPECT_TRUE(e && std::holds_alternative<act::StartManualEntry>(*e));
    e = m_ui->tap("high-contrast", drawA);
    EXPECT_TRUE(e && std::holds_alternative<act::ToggleHighContrast>(*e));

    const ResultView view = buildResultView(test::doneDossier(), m_chrome, test::resultOptions());
    Draw drawR = [&] { return drawResult(view); };
    m_ui->frame(drawR);
    e = m_ui->tap("rate-1", drawR);
    ASSERT_TRUE(e && std::holds_alternative<act::Rate>(*e));
    EXPECT_EQ(std::get<act::Rate>(*e).level, 1);
    e = m_ui->tap("done", drawR);
    EXPECT_TRUE(e && std::holds_alternative<act::Done>(*e));
}

// Print's status line changes while a citizen's finger is on its way to a rating or Done (the soak
// saw 8 of 1,910 taps miss): the buttons must not move when it does. Before Print, "printing" and
// "printed" take the same room.
TEST_P(ScreensSmokeTest, ResultButtonsStayPutWhileThePrintStatusChanges) {
    ResultView view = buildResultView(test::doneDossier(), m_chrome, test::resultOptions());
    ASSERT_TRUE(view.askRating && view.printerAvailable);
    std::map<std::string, TapTarget> before;
    for (const kiosk::core::PrintStatus status :
         {kiosk::core::PrintStatus::Idle, kiosk::core::PrintStatus::Printing, kiosk::core::PrintStatus::Printed}) {
        const std::string_view key = kiosk::core::translationKey(status);
        SCOPED_TRACE(key);
        view.printMessage = key.empty() ? std::string{} : m_strings.get(key);
        view.printBusy = status == kiosk::core::PrintStatus::Printing;
        for (int i = 0; i < 3; ++i) m_ui->frame([&] { return drawResult(view); });
        std::map<std::string, TapTarget> now;
        for (const char* id : {"print", "done", "rate-0", "rate-1", "rate-2"}) {
            const auto it = tapTargets().find(id);
            ASSERT_NE(it, tapTargets().end()) << id;
            now[id] = it->second;
        }
        if (before.empty()) {
            before = now;
            continue;
        }
        for (const auto& [id, t] : now) {
            EXPECT_EQ(t.min.x, before[id].min.x) << id;
            EXPECT_EQ(t.min.y, before[id].min.y) << id;
            EXPECT_EQ(t.max.y, before[id].max.y) << id;
        }
    }
}

// The result's long content follows the finger, keeps moving after release (inertia), and a drag
// that starts on a button does not press it.
TEST_P(ScreensSmokeTest, DragScrollsTheResultWithInertiaAndNeverTaps) {
    const ResultView view = buildResultView(test::doneDossier(), m_chrome, test::resultOptions());
    Draw draw = [&] { return drawResult(view); };
    for (int i = 0; i < 3; ++i) m_ui->frame(draw);
    ImGuiWindow* scroll = nullptr;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (std::string(w->Name).find("result-scroll") != std::string::npos) scroll = w;
    }
    ASSERT_NE(scroll, nullptr);
    if (scroll->ScrollMax.y <= 0.0f) {
        GTEST_SKIP() << "content fits this screen";
    }
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start(scroll->Pos.x + scroll->Size.x * 0.5f, scroll->Pos.y + scroll->Size.y * 0.8f);
    io.MousePos = start;
    m_ui->frame(draw);
    io.MouseDown[0] = true;
    std::optional<UiEvent> event;
    for (int i = 1; i <= 10; ++i) {  // 300 px upwards in 10 frames
        io.MousePos = ImVec2(start.x, start.y - 30.0f * static_cast<float>(i));
        if (auto e = m_ui->frame(draw)) event = e;
    }
    const float afterDrag = scroll->Scroll.y;
    EXPECT_GT(afterDrag, 150.0f);
    io.MouseDown[0] = false;
    for (int i = 0; i < 10; ++i) {
        if (auto e = m_ui->frame(draw)) event = e;
    }
    EXPECT_GT(scroll->Scroll.y, afterDrag) << "no inertia after release";
    EXPECT_FALSE(event.has_value()) << "a drag produced an event";
}

// The guidance detail is long: a drag that starts on the text scrolls it and taps nothing.
TEST_P(ScreensSmokeTest, DragScrollsTheGuidanceDetailAndNeverTaps) {
    const auto& library = test::bundledGuidance();
    const GuidanceDetailView view = buildGuidanceDetailView(*library.find(test::kJudicialRecordId), library.catalog(),
                                                            m_chrome, true, PrintProgress::Idle);
    Draw draw = [&] { return drawGuidanceDetail(view); };
    for (int i = 0; i < 3; ++i) m_ui->frame(draw);
    ImGuiWindow* scroll = nullptr;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (std::string(w->Name).find("guide-detail-") != std::string::npos) scroll = w;
    }
    ASSERT_NE(scroll, nullptr);
    ASSERT_GT(scroll->ScrollMax.y, 0.0f) << "the judicial record detail is longer than any screen";
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start(scroll->Pos.x + scroll->Size.x * 0.5f, scroll->Pos.y + scroll->Size.y * 0.8f);
    io.MousePos = start;
    m_ui->frame(draw);
    io.MouseDown[0] = true;
    std::optional<UiEvent> event;
    for (int i = 1; i <= 10; ++i) {
        io.MousePos = ImVec2(start.x, start.y - 30.0f * static_cast<float>(i));
        if (auto e = m_ui->frame(draw)) event = e;
    }
    io.MouseDown[0] = false;
    for (int i = 0; i < 5; ++i) {
        if (auto e = m_ui->frame(draw)) event = e;
    }
    EXPECT_GT(scroll->Scroll.y, 150.0f);
    EXPECT_FALSE(event.has_value()) << "a drag produced an event";
}

INSTANTIATE_TEST_SUITE_P(Sizes, ScreensSmokeTest,
                         ::testing::Values(Case{1920, 1080, "vi", false, false}, Case{1080, 1920, "vi", false, false},
                                           Case{1920, 1080, "en", false, false}, Case{1080, 1920, "en", true, false},
                                           Case{1366, 768, "vi", false, true}, Case{1920, 1080, "vi", true, true}),
                         [](const auto& info) {
                             const Case& c = info.param;
                             return std::to_string(c.width) + "x" + std::to_string(c.height) + "_" + c.language +
                                    (c.largeText ? "_large" : "") + (c.highContrast ? "_hc" : "");
                         });

}  // namespace
}  // namespace kiosk::ui
