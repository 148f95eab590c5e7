#include "kiosk/app/shell/flow_events.hpp"

#include <gtest/gtest.h>

namespace app = kiosk::app;
namespace core = kiosk::core;
namespace ui = kiosk::ui;

namespace {

core::FlowState on(core::Screen screen) {
    core::FlowState s;
    s.screen = screen;
    return s;
}

}  // namespace

// A typed code is read with the same rules as a scanned one: the keypad cannot let through what the
// scanner would refuse.
TEST(FlowEventsTest, TypedCodeIsReadLikeAScan) {
    const core::ReceiptRules rules;
    auto e = app::toFlowEvent(ui::act::SubmitCode{"000.00.06.H56-231027-0361"}, on(core::Screen::ManualEntry), rules);
    ASSERT_TRUE(e);
    const auto* read = std::get_if<core::event::ReceiptRead>(&*e);
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->source, core::InputSource::Keypad);
    ASSERT_TRUE(std::holds_alternative<core::DossierCode>(read->reading));
    EXPECT_EQ(std::get<core::DossierCode>(read->reading).value, "000.00.06.H56-231027-0361");

    auto bad = app::toFlowEvent(ui::act::SubmitCode{"12345"}, on(core::Screen::ManualEntry), rules);
    ASSERT_TRUE(bad);
    EXPECT_TRUE(std::holds_alternative<core::NotAReceipt>(std::get<core::event::ReceiptRead>(*bad).reading));
}

// "Try again" repeats the lookup after a Problem, but returns to the keypad after NotFound or InvalidCode.
TEST(FlowEventsTest, RetryDependsOnTheScreen) {
    const core::ReceiptRules rules;
    EXPECT_TRUE(std::holds_alternative<core::event::Retry>(*app::toFlowEvent(ui::act::Retry{}, on(core::Screen::Problem), rules)));
    for (core::Screen s : {core::Screen::NotFound, core::Screen::InvalidCode}) {
        EXPECT_TRUE(std::holds_alternative<core::event::ManualEntryOpened>(*app::toFlowEvent(ui::act::Retry{}, on(s), rules)));
    }
}

// Session state travels into the flow: the keypad's code and the guide's topic and query.
TEST(FlowEventsTest, EditsBecomeFlowEvents) {
    const core::ReceiptRules rules;
    const core::FlowState s = on(core::Screen::ManualEntry);
    EXPECT_EQ(std::get<core::event::CodeEdited>(*app::toFlowEvent(ui::act::EditCode{"0000006"}, s, rules)).symbols, "0000006");
    EXPECT_EQ(std::get<core::event::GuidanceCategoryChosen>(*app::toFlowEvent(ui::act::OpenGuideCategory{"tu-phap"}, s, rules)).id,
              "tu-phap");
    EXPECT_EQ(std::get<core::event::GuidanceQueryEdited>(*app::toFlowEvent(ui::act::EditGuideQuery{"ly lich"}, s, rules)).text,
              "ly lich");
}

// A rating outside the three levels (a bad button id) is clamped, never cast into an invalid enum.
TEST(FlowEventsTest, RatingIsClampedToTheThreeLevels) {
    const core::ReceiptRules rules;
    const core::FlowState s = on(core::Screen::Result);
    EXPECT_EQ(std::get<core::event::RatingChosen>(*app::toFlowEvent(ui::act::Rate{7}, s, rules)).level,
              static_cast<core::RatingLevel>(2));
    EXPECT_EQ(std::get<core::event::RatingChosen>(*app::toFlowEvent(ui::act::Rate{-1}, s, rules)).level,
              static_cast<core::RatingLevel>(0));
}
