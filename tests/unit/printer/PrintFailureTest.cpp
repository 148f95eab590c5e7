#include "kiosk/core/printer/print_failure.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/i18n/string_table.hpp"

namespace core = kiosk::core;

// Every kind has its own stable name, and both string tables give the citizen a message for it: no
// failure can reach the screen as a bare key or a generic fallback.
TEST(PrintFailureTest, EveryKindHasANameAndAMessageInBothLanguages) {
    std::set<std::string> names;
    for (core::PrintFailure failure : core::kAllPrintFailures) {
        const std::string name{core::toString(failure)};
        EXPECT_TRUE(names.insert(name).second) << "two kinds share the name " << name;
        EXPECT_EQ(core::translationKey(failure), "print.failure." + name);
    }
    for (core::Language language : {core::Language::Vi, core::Language::En}) {
        auto table = core::loadStringTable(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/i18n", language);
        ASSERT_TRUE(table) << table.error().message;
        for (core::PrintFailure failure : core::kAllPrintFailures) {
            const std::string key = core::translationKey(failure);
            ASSERT_TRUE(table->contains(key)) << key << " missing in " << core::toString(language);
            EXPECT_FALSE(table->text(key).empty()) << key;
        }
    }
}

// The list the test walks is the whole enum: a kind added without a name falls back to "io" and
// collides with Io above; here the last declared kind must be in the list.
TEST(PrintFailureTest, TheListCoversTheEnum) {
    EXPECT_EQ(core::kAllPrintFailures.front(), core::PrintFailure::NoPrinter);
    EXPECT_EQ(core::kAllPrintFailures.back(), core::PrintFailure::NotAvailable);
    EXPECT_EQ(core::kAllPrintFailures.size(), static_cast<std::size_t>(core::PrintFailure::NotAvailable) + 1);
}

// The lines under Print while a slip prints and once it printed: Printing and Printed have their own
// key with a message in both languages (the Result screen keeps room for the taller of the two);
// Idle shows no line and Failed shows its failure's message.
TEST(PrintFailureTest, PrintStatusLinesHaveAMessageInBothLanguages) {
    EXPECT_TRUE(core::translationKey(core::PrintStatus::Idle).empty());
    EXPECT_TRUE(core::translationKey(core::PrintStatus::Failed).empty());
    EXPECT_NE(core::translationKey(core::PrintStatus::Printing), core::translationKey(core::PrintStatus::Printed));
    for (core::Language language : {core::Language::Vi, core::Language::En}) {
        auto table = core::loadStringTable(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/i18n", language);
        ASSERT_TRUE(table) << table.error().message;
        for (core::PrintStatus status : {core::PrintStatus::Printing, core::PrintStatus::Printed}) {
            const std::string key{core::translationKey(status)};
            ASSERT_TRUE(table->contains(key)) << key << " missing in " << core::toString(language);
            EXPECT_FALSE(table->text(key).empty()) << key;
        }
    }
}
