#include "kiosk/core/text_search.h"

#include <utf8proc.h>

#include <algorithm>
#include <tuple>

namespace kiosk {
namespace {

void append_utf8(std::string& out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool is_word_byte(unsigned char c) {
    // After folding, Vietnamese letters are ASCII; other scripts keep their UTF-8 bytes and
    // count as letters so a name in them still has words.
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : folded) {
        if (is_word_byte(static_cast<unsigned char>(ch))) {
            word += ch;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// One whitespace-separated piece of the query: it matches a code by prefix as typed
// ("1.0011"), or a name when each of its letter/digit parts starts a word.
struct Term {
    std::string folded;
    std::vector<std::string> parts;
};

std::vector<Term> query_terms(std::string_view query) {
    std::vector<Term> terms;
    const std::string folded = fold_for_search(query);
    size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t' || folded[i] == '\n'))
            ++i;
        size_t j = i;
        while (j < folded.size() && folded[j] != ' ' && folded[j] != '\t' && folded[j] != '\n')
            ++j;
        if (j > i) {
            Term t{folded.substr(i, j - i), {}};
            t.parts = split_words(t.folded);
            if (!t.parts.empty() || has_digit(t.folded)) terms.push_back(std::move(t));
        }
        i = j;
    }
    return terms;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        if (*p < 0x80) {  // ASCII fast path
            const char c = static_cast<char>(*p);
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            ++p;
            --left;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(p, left, &cp);
        if (used <= 0 || cp < 0) {  // invalid byte: dropped
            ++p;
            --left;
            continue;
        }
        p += used;
        left -= used;
        utf8proc_int32_t parts[8];
        int last_boundclass = 0;
        const utf8proc_ssize_t n = utf8proc_decompose_char(
            cp, parts, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &last_boundclass);
        if (n <= 0 || n > 8) continue;
        for (utf8proc_ssize_t k = 0; k < n; ++k) {
            utf8proc_int32_t c = parts[k];
            if (c >= 0x0300 && c <= 0x036F) continue;                // tone and vowel marks
            if (c == 0x0110 || c == 0x0111 || c == 0x00D0) c = 'd';  // Đ đ (and Ð typed for Đ)
            c = utf8proc_tolower(c);
            if (c < 0x80)
                out += static_cast<char>(c);
            else
                append_utf8(out, c);
        }
    }
    return out;
}

std::vector<std::string> search_words(std::string_view utf8) {
    return split_words(fold_for_search(utf8));
}

ProcedureIndex::ProcedureIndex(const std::vector<Procedure>& procedures,
                               const std::vector<size_t>& subset) {
    auto add = [&](size_t i) {
        Entry e{i, search_words(procedures[i].name), fold_for_search(procedures[i].code), 0};
        // "Thủ tục đăng ký khai sinh": the leading "Thủ tục" says nothing about the procedure.
        if (e.words.size() > 2 && e.words[0] == "thu" && e.words[1] == "tuc") e.skip = 2;
        entries_.push_back(std::move(e));
    };
    if (subset.empty()) {
        entries_.reserve(procedures.size());
        for (size_t i = 0; i < procedures.size(); ++i)
            add(i);
    } else {
        entries_.reserve(subset.size());
        for (const size_t i : subset)
            if (i < procedures.size()) add(i);
    }
}

std::vector<ProcedureIndex::Ranked> ProcedureIndex::rank(std::string_view query) const {
    const std::vector<Term> terms = query_terms(query);
    std::vector<Ranked> ranked;
    if (terms.empty()) return ranked;
    for (size_t e = 0; e < entries_.size(); ++e) {
        const Entry& entry = entries_[e];
        Ranked r{e, 0, 0, 0, 0, static_cast<int>(entry.words.size())};
        int prev = -1;
        int first = -1;
        bool all = true;
        for (const Term& term : terms) {
            if (has_digit(term.folded) && starts_with(entry.code, term.folded)) continue;
            if (term.parts.empty()) {
                all = false;
                break;
            }
            for (const std::string& part : term.parts) {
                // The first word after the previous match that starts with this part; else
                // any word (matched out of the typed order).
                int found = -1;
                for (size_t w = static_cast<size_t>(prev + 1); w < entry.words.size(); ++w)
                    if (starts_with(entry.words[w], part)) {
                        found = static_cast<int>(w);
                        break;
                    }
                if (found < 0) {
                    for (size_t w = 0; w < entry.words.size() && w <= static_cast<size_t>(prev);
                         ++w)
                        if (starts_with(entry.words[w], part)) {
                            found = static_cast<int>(w);
                            break;
                        }
                    if (found < 0) {
                        all = false;
                        break;
                    }
                    ++r.out_of_order;
                } else if (prev >= 0) {
                    r.gaps += found - prev - 1;
                }
                if (first < 0) first = found;
                if (entry.words[static_cast<size_t>(found)].size() != part.size()) ++r.prefixes;
                prev = std::max(prev, found);
            }
            if (!all) break;
        }
        if (!all) continue;
        r.start = first < 0 ? 0 : std::max(0, first - static_cast<int>(entry.skip));
        ranked.push_back(r);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.out_of_order, a.gaps, a.start, a.prefixes, a.length) <
               std::tie(b.out_of_order, b.gaps, b.start, b.prefixes, b.length);
    });
    return ranked;
}

std::vector<size_t> ProcedureIndex::search(std::string_view query, size_t limit,
                                           size_t* total) const {
    const std::vector<Ranked> ranked = rank(query);
    if (total) *total = ranked.size();
    std::vector<size_t> out;
    out.reserve(std::min(limit, ranked.size()));
    for (size_t i = 0; i < ranked.size() && out.size() < limit; ++i)
        out.push_back(entries_[ranked[i].entry].index);
    return out;
}

}  // namespace kiosk
