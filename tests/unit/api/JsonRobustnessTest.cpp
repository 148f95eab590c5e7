// Fuzz-style robustness: random and mutated bodies through every backend JSON parser. The assertion is
// that each call returns (a value or a typed error) without crashing or throwing.

#include <gtest/gtest.h>

#include <random>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"

using namespace kiosk::core;

namespace {

const std::string kSeed = R"({"code":"000.00.06.H56-231027-0361","status":4,"procedure":{"code":"1.1","name":"Cấp phiếu"},)"
                          R"("due_at":"2023-11-10T17:00:00+07:00","history":[{"at":"2023-10-27T08:15:00+07:00",)"
                          R"("unit":"Một cửa","action":"Tiếp nhận"}],"fees":[{"description":"Lệ phí","amount_vnd":1,)"
                          R"("paid":true}],"pickup":{"place":"Tầng 1"},"result_delivery":{"online":false}})";

void feedAll(const std::string& body) {
    EXPECT_NO_THROW({
        auto d = mapDossier(body);
        if (d) (void)dossierToJson(*d);
        else EXPECT_EQ(d.error().kind, LookupErrorKind::BadResponse);
        (void)mapReceiptToken(body);
        (void)parseErrorBody(body);
    });
}

}  // namespace

TEST(JsonRobustnessTest, SeedIsValid) { ASSERT_TRUE(mapDossier(kSeed)); }

TEST(JsonRobustnessTest, MutatedBodiesNeverCrash) {
    std::mt19937 rng{12345};
    const std::string alphabet = "{}[]\":,0123456789.-+eEtrufalsn \\u\x01\xFF\xC3";
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string body = kSeed;
        const int edits = 1 + static_cast<int>(rng() % 6);
        for (int e = 0; e < edits && !body.empty(); ++e) {
            const std::size_t pos = rng() % body.size();
            switch (rng() % 4) {
                case 0: body[pos] = alphabet[rng() % alphabet.size()]; break;
                case 1: body.erase(pos, 1 + rng() % 8); break;
                case 2: body.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
                case 3: body = body.substr(0, pos); break;
            }
        }
        if (mapDossier(body)) ++accepted;
        feedAll(body);
    }
    // Some mutations only touch string contents, so the mapping must still accept some of them.
    EXPECT_GT(accepted, 0);
}

TEST(JsonRobustnessTest, RandomBytesNeverCrash) {
    std::mt19937 rng{777};
    for (int i = 0; i < 5000; ++i) {
        std::string body(rng() % 200, '\0');
        for (char& c : body) c = static_cast<char>(rng() % 256);
        if (!body.empty() && rng() % 2) body[0] = '{';
        feedAll(body);
    }
}

TEST(JsonRobustnessTest, ValueSwapsAtEveryFieldNeverCrash) {
    const std::vector<std::string> values = {"null", "true", "0", "-1", "1e999", "\"\"", "[]", "{}", "[[[]]]",
                                             "18446744073709551616", "\"\\ud800\""};
    // Replace each value after a ':' in the seed with each odd value.
    for (std::size_t pos = kSeed.find(':'); pos != std::string::npos; pos = kSeed.find(':', pos + 1)) {
        std::size_t end = pos + 1;
        int depth = 0;
        bool inString = false;
        for (; end < kSeed.size(); ++end) {
            const char c = kSeed[end];
            if (inString) {
                if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && depth-- == 0) break;
            else if (c == ',' && depth == 0) break;
        }
        for (const auto& v : values) feedAll(kSeed.substr(0, pos + 1) + v + kSeed.substr(end));
    }
}
