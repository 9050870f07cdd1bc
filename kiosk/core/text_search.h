#pragma once
// Accent-insensitive search over the procedure catalogue. Citizens type without diacritics on
// the kiosk's A–Z keyboard ("dang ky khai sinh"), so both names and queries are folded the same
// way (/work/shared/notes/domain.md §13): canonical decomposition, combining marks U+0300–U+036F
// dropped, đ/Đ → d (đ does not decompose), lower case.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/catalog.h"

namespace kiosk {

// "Đăng Ký" → "dang ky". NFC or NFD input alike; invalid UTF-8 bytes are dropped (never an
// error: a search box must not fail on what a keyboard or a catalogue sent).
std::string fold_for_search(std::string_view utf8);

// The folded words of a text: runs of letters and digits (anything else separates words).
std::vector<std::string> search_words(std::string_view utf8);

// A search index over a catalogue's procedures (or a subset of them, by index). Every query word
// must be a prefix of a word of the procedure's name, or a prefix of its code ("1.0011"). Results
// are ranked: words matched in the typed order and next to each other first, then matches near
// the start of the name (a leading "Thủ tục" is not counted), whole words before prefixes,
// shorter names, and finally catalogue order (the ranking is stable).
class ProcedureIndex {
  public:
    ProcedureIndex() = default;
    // Indexes procedures[i] for every i in `subset` (all procedures when `subset` is empty).
    explicit ProcedureIndex(const std::vector<Procedure>& procedures,
                            const std::vector<size_t>& subset = {});

    // Indices into the procedures vector given to the constructor, best first, at most `limit`;
    // `total` (optional) receives how many matched in all. An empty (or blank) query matches
    // nothing.
    std::vector<size_t> search(std::string_view query, size_t limit = 100,
                               size_t* total = nullptr) const;

    size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        size_t index;  // into the caller's procedures
        std::vector<std::string> words;
        std::string code;
        size_t skip = 0;  // leading "thu tuc" words not counted for the position
    };
    struct Ranked {
        size_t entry;
        int out_of_order, gaps, start, prefixes, length;
    };
    std::vector<Ranked> rank(std::string_view query) const;

    std::vector<Entry> entries_;
};

}  // namespace kiosk
