#include "kiosk/core/receipt/receipt.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <variant>

using namespace kiosk::core;

namespace {

enum class Kind { Dossier, Token, Invalid };

struct Case {
    const char* name;
    std::string input;
    Kind kind;
    std::string expected;  // code or token; unused for Invalid
    NotReceiptReason reason = NotReceiptReason::BadCodeFormat;
};

Case dossier(const char* name, std::string in, std::string code) { return {name, std::move(in), Kind::Dossier, std::move(code)}; }
Case token(const char* name, std::string in, std::string tok) { return {name, std::move(in), Kind::Token, std::move(tok)}; }
Case invalid(const char* name, std::string in, NotReceiptReason r) { return {name, std::move(in), Kind::Invalid, {}, r}; }

const std::string kCode1 = "000.00.06.H56-231027-0361";
const std::string kCode2 = "000.17.22.H56-210531-0001";
const std::string kCode3 = "000.00.04.H40-230414-0002";
const std::string kHost = "https://dichvucong.gov.vn";
const std::string kCitizenId = "001099012345";

using R = NotReceiptReason;

std::vector<Case> defaultRuleCases() {
    return {
        // Real codes and their scanned/typed variants.
        dossier("real1", kCode1, kCode1),
        dossier("real2", kCode2, kCode2),
        dossier("real3", kCode3, kCode3),
        dossier("long_sequence", "000.00.06.H56-231027-036100", "000.00.06.H56-231027-036100"),
        dossier("lower_case", "000.00.06.h56-231027-0361", kCode1),
        dossier("surrounding_spaces", "  " + kCode2 + "\t\r\n", kCode2),
        dossier("inner_spaces", "000.00.06. H56 - 231027 - 0361", kCode1),
        dossier("zero_width_space", "000.00.06.\u200BH56-231027-0361", kCode1),
        dossier("zwnj_zwj", "000.00\u200C.06.H56\u200D-231027-0361", kCode1),
        dossier("word_joiner_bom", "\uFEFF000.00.06.H56-231027-\u20600361", kCode1),
        dossier("control_chars", "\x02" "000.00.04.H40-230414-0002\x03", kCode3),
        dossier("nul_and_del", std::string("000.00.04.H40\0-230414-0002\x7F", 28), kCode3),
        dossier("full_width_digits", "０００.００.０６.H５６-２３１０２７-０３６１", kCode1),
        dossier("full_width_all", "０００．００．０６．ｈ５６－２３１０２７－０３６１", kCode1),
        dossier("ideographic_space", "\u3000" + kCode1 + "\u3000", kCode1),
        dossier("no_break_space", "000.00.06.H56-231027-\u00A00361", kCode1),
        invalid("short_sequence", "000.00.06.H56-231027-036", R::BadCodeFormat),
        invalid("letters_in_sequence", "000.00.06.H56-231027-03A1", R::BadCodeFormat),
        invalid("missing_part", "000.00.H56-231027-0361", R::BadCodeFormat),
        invalid("garbage", "hello world", R::BadCodeFormat),
        invalid("vietnamese_text", "Hồ sơ của tôi", R::BadCodeFormat),
        invalid("code_with_suffix", kCode1 + "X", R::BadCodeFormat),
        invalid("empty", "", R::Empty),
        invalid("only_spaces", "   \t\n ", R::Empty),
        invalid("only_invisible", "\u200B\uFEFF\x01", R::Empty),
        invalid("invalid_utf8", "000.00.06.H56-231027-0361\xFF", R::InvalidText),
        invalid("overlong_utf8", "\xC0\xAE", R::InvalidText),
        invalid("truncated_utf8", "000\xE1\xBA", R::InvalidText),
        invalid("too_long", std::string(kMaxInputBytes + 1, '0'), R::TooLong),
        invalid("too_long_padded_code", kCode1 + std::string(kMaxInputBytes, ' '), R::TooLong),
        invalid("max_length_not_code", std::string(kMaxInputBytes, 'A'), R::BadCodeFormat),
        // Lookup URLs on the trusted host.
        dossier("lookup_url", kHost + "/portaldvc/tra-cuu?MHS=" + kCode1, kCode1),
        dossier("lookup_url_http", "http://dichvucong.gov.vn/portaldvc/tra-cuu?MHS=" + kCode2, kCode2),
        dossier("lookup_url_sgt_first", kHost + "/portaldvc/tra-cuu?SGT=" + kCitizenId + "&MHS=" + kCode1, kCode1),
        dossier("lookup_url_sgt_last", kHost + "/tra-cuu?MHS=" + kCode3 + "&SGT=" + kCitizenId, kCode3),
        dossier("lookup_url_cccd", kHost + "/tra-cuu?cccd=" + kCitizenId + "&MHS=" + kCode3, kCode3),
        dossier("lookup_url_extra_params", kHost + "/tra-cuu?lang=vi&MHS=" + kCode2 + "&utm_source=qr#top", kCode2),
        dossier("param_lower_case", kHost + "/tra-cuu?mhs=" + kCode1, kCode1),
        dossier("code_lower_case_in_url", kHost + "/tra-cuu?MHS=000.00.06.h56-231027-0361", kCode1),
        dossier("percent_encoded", kHost + "/tra-cuu?MHS=000%2E00%2E06%2EH56%2D231027%2D0361", kCode1),
        dossier("percent_encoded_lower_hex", kHost + "/tra-cuu?MHS=000%2e00%2e06%2eh56-231027-0361", kCode1),
        dossier("plus_as_space", kHost + "/tra-cuu?MHS=+000.00.06.H56-231027-0361+", kCode1),
        dossier("encoded_zero_width", kHost + "/tra-cuu?MHS=000.00.06.%E2%80%8BH56-231027-0361", kCode1),
        dossier("upper_case_host", "HTTPS://DichVuCong.GOV.VN/tra-cuu?MHS=" + kCode1, kCode1),
        dossier("host_with_port", kHost + ":443/tra-cuu?MHS=" + kCode1, kCode1),
        dossier("host_trailing_dot", "https://dichvucong.gov.vn./tra-cuu?MHS=" + kCode1, kCode1),
        dossier("url_with_newline", kHost + "/tra-cuu?\nMHS=" + kCode1 + "\r\n", kCode1),
        dossier("first_empty_param_skipped", kHost + "/tra-cuu?MHS=&MHS=" + kCode2, kCode2),
        dossier("query_without_path", kHost + "?MHS=" + kCode1, kCode1),
        invalid("url_bad_code", kHost + "/tra-cuu?MHS=12345", R::BadCodeFormat),
        invalid("url_bad_percent", kHost + "/tra-cuu?MHS=000%2G00", R::BadCodeFormat),
        invalid("url_truncated_percent", kHost + "/tra-cuu?MHS=000.00.06%2", R::BadCodeFormat),
        invalid("url_percent_invalid_utf8", kHost + "/tra-cuu?MHS=%FF%FE", R::InvalidText),
        invalid("url_without_code", kHost + "/portaldvc/tra-cuu?SGT=" + kCitizenId, R::NoCodeInLink),
        invalid("url_no_query", kHost + "/portaldvc/", R::NoCodeInLink),
        invalid("url_code_in_fragment_only", kHost + "/tra-cuu#MHS=" + kCode1, R::NoCodeInLink),
        invalid("unknown_param_only", kHost + "/tra-cuu?maHoSo=" + kCode1, R::NoCodeInLink),
        // "ma" is a default code parameter: the default follow-up URL (office.public_lookup_url) uses it.
        dossier("follow_url_param_ma", kHost + "/p/home/dvc-tra-cuu-ho-so.html?ma=" + kCode1, kCode1),
        // Token URLs.
        token("token_url", kHost + "/apiqr/qr?id=3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        token("token_url_upper_param", kHost + "/apiqr/qr/?ID=ABC123&x=1", "ABC123"),
        token("token_url_with_sgt", kHost + "/apiqr/qr?SGT=" + kCitizenId + "&id=abc-123", "abc-123"),
        invalid("token_wrong_path", kHost + "/apiqr/other?id=abc123", R::NoCodeInLink),
        invalid("token_bad_chars", kHost + "/apiqr/qr?id=abc%3Cscript%3E", R::BadCodeFormat),
        invalid("token_too_long", kHost + "/apiqr/qr?id=" + std::string(129, 'a'), R::BadCodeFormat),
        token("token_max_length", kHost + "/apiqr/qr?id=" + std::string(128, 'a'), std::string(128, 'a')),
        invalid("token_empty", kHost + "/apiqr/qr?id=", R::NoCodeInLink),
        // Hosts that must not be trusted.
        invalid("wrong_host", "https://example.com/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("lookalike_suffix", "https://dichvucong.gov.vn.evil.com/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("lookalike_prefix", "https://evildichvucong.gov.vn/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("subdomain", "https://www.dichvucong.gov.vn/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("userinfo_trick", "https://dichvucong.gov.vn@evil.com/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("userinfo_on_trusted", "https://evil.com@dichvucong.gov.vn/tra-cuu?MHS=" + kCode1, R::UntrustedHost),
        invalid("backslash_trick", "https://evil.com\\@dichvucong.gov.vn/?MHS=" + kCode1, R::UntrustedHost),
        invalid("percent_in_host", "https://dichvucong%2Egov.vn/?MHS=" + kCode1, R::UntrustedHost),
        invalid("vietnamese_lookalike", "https://dịchvucong.gov.vn/?MHS=" + kCode1, R::UntrustedHost),
        invalid("cyrillic_lookalike", "https://dichvuc\u043Eng.gov.vn/?MHS=" + kCode1, R::UntrustedHost),
        invalid("bad_port", kHost + ":99999/?MHS=" + kCode1, R::UntrustedHost),
        invalid("port_letters", kHost + ":80a/?MHS=" + kCode1, R::UntrustedHost),
        invalid("empty_port", kHost + ":/?MHS=" + kCode1, R::UntrustedHost),
        invalid("no_slashes", "https:dichvucong.gov.vn/?MHS=" + kCode1, R::UntrustedHost),
        invalid("empty_host", "https:///?MHS=" + kCode1, R::UntrustedHost),
        // Other schemes.
        invalid("javascript", "javascript:alert(1)//?MHS=" + kCode1, R::UnsupportedLink),
        invalid("javascript_upper", "JavaScript:alert(document.cookie)", R::UnsupportedLink),
        invalid("javascript_hidden_space", "java\u200Bscript:alert(1)", R::UnsupportedLink),
        invalid("data_url", "data:text/html;base64,PHNjcmlwdD4=", R::UnsupportedLink),
        invalid("file_url", "file:///etc/passwd", R::UnsupportedLink),
        invalid("ftp_url", "ftp://dichvucong.gov.vn/?MHS=" + kCode1, R::UnsupportedLink),
        invalid("tel", "tel:0912345678", R::UnsupportedLink),
    };
}

void expectReading(const Case& c, const ReceiptRules& rules) {
    SCOPED_TRACE(c.name);
    const ReceiptReading r = readReceipt(c.input, rules);
    switch (c.kind) {
        case Kind::Dossier:
            ASSERT_TRUE(std::holds_alternative<DossierCode>(r)) << c.name << ": index " << r.index();
            EXPECT_EQ(std::get<DossierCode>(r).value, c.expected) << c.name;
            break;
        case Kind::Token:
            ASSERT_TRUE(std::holds_alternative<ReceiptToken>(r)) << c.name << ": index " << r.index();
            EXPECT_EQ(std::get<ReceiptToken>(r).value, c.expected) << c.name;
            break;
        case Kind::Invalid:
            ASSERT_TRUE(std::holds_alternative<NotAReceipt>(r)) << c.name << ": index " << r.index();
            EXPECT_EQ(std::get<NotAReceipt>(r).reason, c.reason)
                << c.name << ": got " << toString(std::get<NotAReceipt>(r).reason);
            break;
    }
}

std::string payloadOf(const ReceiptReading& r) {
    if (const auto* d = std::get_if<DossierCode>(&r)) return d->value;
    if (const auto* t = std::get_if<ReceiptToken>(&r)) return t->value;
    return std::string(toString(std::get<NotAReceipt>(r).reason));
}

}  // namespace

TEST(ReceiptReaderTest, DefaultRulesTable) {
    const ReceiptRules rules;
    const std::vector<Case> cases = defaultRuleCases();
    EXPECT_GE(cases.size(), 60u);
    for (const Case& c : cases) {
        expectReading(c, rules);
    }
}

TEST(ReceiptReaderTest, CitizenIdNeverAppearsInAnyResult) {
    const ReceiptRules rules;
    const std::vector<std::string> inputs = {
        kHost + "/portaldvc/tra-cuu?SGT=" + kCitizenId + "&MHS=" + kCode1,
        kHost + "/portaldvc/tra-cuu?SGT=" + kCitizenId,
        kHost + "/apiqr/qr?sgt=" + kCitizenId + "&id=x1",
        kHost + "/tra-cuu?soGiayTo=" + kCitizenId + "&MHS=bad",
        "https://evil.com/?SGT=" + kCitizenId,
    };
    for (const std::string& in : inputs) {
        const std::string payload = payloadOf(readReceipt(in, rules));
        EXPECT_EQ(payload.find(kCitizenId), std::string::npos) << payload;
        EXPECT_EQ(payload.find("099012345"), std::string::npos) << payload;
    }
}

TEST(ReceiptReaderTest, CitizenIdParameterIsNeverUsedAsCode) {
    ReceiptRules rules;
    rules.codePattern = R"(\d+)";
    rules.codeParameters = {"SGT", "MHS"};  // misconfigured: SGT must still be dropped
    const ReceiptReading r = readReceipt(kHost + "/?SGT=" + kCitizenId, rules);
    ASSERT_TRUE(std::holds_alternative<NotAReceipt>(r));
    EXPECT_EQ(std::get<NotAReceipt>(r).reason, NotReceiptReason::NoCodeInLink);
}

TEST(ReceiptReaderTest, CustomRulesTable) {
    ReceiptRules rules;
    rules.trustedHosts = {"DichVuCong.HaNoi.gov.vn", "tracuu.example.vn."};
    rules.codeParameters = {"maHoSo", "ma", "code"};
    rules.tokenPath = "/qr/t";
    rules.tokenParameter = "token";
    const std::string host = "https://dichvucong.hanoi.gov.vn";
    const std::vector<Case> cases = {
        dossier("custom_host_maHoSo", host + "/tra-cuu?maHoSo=" + kCode1, kCode1),
        dossier("custom_param_ma", host + "/?ma=" + kCode2, kCode2),
        dossier("custom_param_code", "https://tracuu.example.vn:8443/x?code=" + kCode3, kCode3),
        dossier("custom_order", host + "/?code=" + kCode3 + "&ma=" + kCode2 + "&mahoso=" + kCode1, kCode1),
        dossier("custom_case_insensitive", host + "/?MA=" + kCode2, kCode2),
        invalid("custom_default_param_not_trusted", host + "/?MHS=" + kCode1, R::NoCodeInLink),
        invalid("custom_default_host_not_trusted", kHost + "/?maHoSo=" + kCode1, R::UntrustedHost),
        token("custom_token", host + "/qr/t?token=Zz-9", "Zz-9"),
        invalid("custom_old_token_path", host + "/apiqr/qr?id=abc", R::NoCodeInLink),
        dossier("custom_bare_code", kCode1, kCode1),
    };
    for (const Case& c : cases) {
        expectReading(c, rules);
    }
}

TEST(ReceiptReaderTest, CustomPattern) {
    ReceiptRules rules;
    rules.codePattern = R"(HS-\d{6})";
    expectReading(dossier("custom_pattern", "hs-123456", "HS-123456"), rules);
    expectReading(invalid("custom_pattern_rejects_default", kCode1, R::BadCodeFormat), rules);
}

TEST(ReceiptReaderTest, InvalidPatternDoesNotCrash) {
    ReceiptRules rules;
    rules.codePattern = "(\\d{3";
    EXPECT_FALSE(isValidCodePattern(rules.codePattern));
    EXPECT_TRUE(isValidCodePattern(ReceiptRules{}.codePattern));
    expectReading(invalid("invalid_pattern", kCode1, R::BadCodeFormat), rules);
    expectReading(invalid("invalid_pattern_url", kHost + "/?MHS=" + kCode1, R::BadCodeFormat), rules);
}

TEST(ReceiptReaderTest, NormalizeForManualEntry) {
    EXPECT_EQ(normalizeReceiptText(" ０００.00.06.h56 -231027-0361\u200B "), kCode1);
    EXPECT_EQ(normalizeReceiptText("ab\xFF"), "");
    EXPECT_EQ(normalizeReceiptText(""), "");
    EXPECT_EQ(normalizeReceiptText("Hồ sơ"), "HồSơ");  // only ASCII letters change case; NFC kept
    EXPECT_EQ(normalizeReceiptText("o\xCC\x82\xCC\x80"), "ồ");  // decomposed input composes to NFC
}

TEST(ReceiptReaderTest, ReasonNamesAreStable) {
    EXPECT_EQ(toString(NotReceiptReason::Empty), "empty");
    EXPECT_EQ(toString(NotReceiptReason::TooLong), "too_long");
    EXPECT_EQ(toString(NotReceiptReason::InvalidText), "invalid_text");
    EXPECT_EQ(toString(NotReceiptReason::UnsupportedLink), "unsupported_link");
    EXPECT_EQ(toString(NotReceiptReason::UntrustedHost), "untrusted_host");
    EXPECT_EQ(toString(NotReceiptReason::NoCodeInLink), "no_code_in_link");
    EXPECT_EQ(toString(NotReceiptReason::BadCodeFormat), "bad_code_format");
}

TEST(ReceiptReaderTest, ArbitraryBytesNeverThrowAndNeverLeakCitizenId) {
    // Deterministic pseudo-random inputs built from pieces that stress every branch.
    const std::vector<std::string> pieces = {"https://", "http://", "dichvucong.gov.vn", "@", "\\", ":", "/", "?",
                                             "&", "=", "%", "%2", "%E2%80", "MHS", "SGT=" + kCitizenId, "id",
                                             "/apiqr/qr", "\xFF", "\xC3", "\u200B", "０", "+", " ", kCode1, "#", "["};
    std::uint32_t state = 12345;
    auto next = [&state] { state = state * 1664525u + 1013904223u; return state >> 8; };
    const ReceiptRules rules;
    for (int n = 0; n < 3000; ++n) {
        std::string input;
        const std::uint32_t count = next() % 12;
        for (std::uint32_t k = 0; k < count; ++k) {
            input += pieces[next() % pieces.size()];
        }
        ReceiptReading r;
        ASSERT_NO_THROW(r = readReceipt(input, rules)) << n;
        EXPECT_EQ(payloadOf(r).find(kCitizenId), std::string::npos) << n;
    }
}
