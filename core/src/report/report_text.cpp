// The report as CSV (Norwegian Excel or English style) and as a plain-text table.
#include <algorithm>
#include <cstdio>

#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"
#include "report_escape.hpp"

namespace arsverk {

namespace {

// "-1,5", "+2": a number, which a spreadsheet reads as a number and never as a formula.
bool plain_signed_number(const std::string& s) {
  if (s.size() < 2) return false;
  bool digit = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.' && c != ',') return false;
  }
  return digit;
}

// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) reorder what a terminal shows.
bool bidi_control(const std::string& s, std::size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2) return false;
  const unsigned char b = static_cast<unsigned char>(s[i + 1]), c = static_cast<unsigned char>(s[i + 2]);
  return (b == 0x80 && c >= 0xAA && c <= 0xAE) || (b == 0x81 && c >= 0xA6 && c <= 0xA9);
}

void append_escape(std::string& out, unsigned value) {
  static const char* const hex = "0123456789abcdef";
  if (value > 0xFF) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xF];
    return;
  }
  out += "\\x";
  out += hex[value >> 4];
  out += hex[value & 0xF];
}

}  // namespace

// A cell beginning with = + - @ (or tab/CR) is neutralised with a leading ' (OWASP's advice
// against CSV injection), unless it is a plain signed number; then quoted where needed.
std::string csv_field(const std::string& s, char delimiter) {
  std::string text = s;
  if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos &&
      !plain_signed_number(text))
    text = "'" + text;
  if (text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Control characters (ANSI escapes, C1 controls, DEL) and bidirectional overrides from input
// become visible escapes ("\x1b", "\u202e"), so a cell cannot drive the terminal.
std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) {
      append_escape(out, c);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      append_escape(out, static_cast<unsigned char>(s[++i]));  // U+0080–U+009F
    } else if (bidi_control(s, i)) {
      append_escape(out, 0x2000 + ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) +
                             (static_cast<unsigned char>(s[i + 2]) & 0x3F));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

// How a spreadsheet in the language's locale reads CSV: Norwegian Excel wants semicolons, decimal
// commas and a BOM to take the file as UTF-8; English style has commas and decimal points.
struct CsvFormat {
  char delimiter;
  char decimal_mark;
  const char* bom;
};

CsvFormat csv_format(Lang lang) {
  return lang == Lang::Nb ? CsvFormat{';', ',', "\xEF\xBB\xBF"} : CsvFormat{',', '.', ""};
}

// Full precision for export; no thousands separators so that spreadsheets read the cell as a number.
// "%.12g" is what a stream with precision 12 writes, without pulling iostream and locales into the
// WebAssembly module.
std::string with_decimal_mark(std::string number, char decimal_mark) {
  std::replace(number.begin(), number.end(), '.', decimal_mark);
  return number;
}

std::string plain_number(double v, char decimal_mark) {
  char buffer[32];
  const int length = std::snprintf(buffer, sizeof buffer, "%.12g", v);
  return with_decimal_mark(std::string(buffer, static_cast<std::size_t>(length)), decimal_mark);
}

std::string plain_fixed(Fixed v, char decimal_mark) { return with_decimal_mark(v.to_string(), decimal_mark); }

std::string level_name(Level l, Lang lang) {
  if (lang == Lang::Nb) return to_string(l);
  switch (l) {
    case Level::Kommune: return "municipality";
    case Level::Bydel: return "district";
    case Level::Fylke: return "county";
    case Level::Land: return "country";
    case Level::KostraGruppe: return "kostra_group";
  }
  return "";
}

}  // namespace

std::string report_to_csv(const Report& report, const Settings&, Lang lang) {
  const CsvFormat format = csv_format(lang);
  std::string out = format.bom;
  const char* const nb_head[] = {"nivå", "kode", "navn", "år", "skjema", "befolkning", "befolkningsår",
                                 "årsverk M1", "årsverk M2", "årsverk M3", "årsverk M4",
                                 "per 1000 M1", "per 1000 M2", "per 1000 M3", "per 1000 M4",
                                 "vist M1", "vist M2", "vist M3", "vist M4",
                                 "videreført fra", "holdt utenfor", "grunn", "dekning",
                                 "kommuner med tall", "kommuner i alt", "for tynt grunnlag", "merknader"};
  const char* const en_head[] = {"level", "code", "name", "year", "schema", "population", "population_year",
                                 "fte M1", "fte M2", "fte M3", "fte M4",
                                 "per 1000 M1", "per 1000 M2", "per 1000 M3", "per 1000 M4",
                                 "shown M1", "shown M2", "shown M3", "shown M4",
                                 "carried from", "suppressed", "reason", "coverage",
                                 "municipalities with figures", "municipalities", "too thin", "flags"};
  const auto& head = lang == Lang::Nb ? nb_head : en_head;
  for (std::size_t i = 0; i < std::size(nb_head); ++i)
    out += (i ? std::string(1, format.delimiter) : "") + csv_field(head[i], format.delimiter);
  out += "\r\n";
  for (const Result& r : report.results) {
    std::vector<std::string> f;
    f.push_back(level_name(r.level, lang));
    f.push_back(r.code);
    f.push_back(r.name);
    f.push_back(std::to_string(r.year));
    f.push_back(to_string(r.schema));
    f.push_back(std::to_string(r.population));
    f.push_back(std::to_string(r.population_year));
    for (int i = 0; i < 4; ++i) f.push_back(r.arsverk[i] ? plain_fixed(*r.arsverk[i], format.decimal_mark) : "");
    const bool hidden = r.suppressed || thin_aggregate(r);
    for (int i = 0; i < 4; ++i)
      f.push_back(hidden || !r.per_1000[i] ? "" : plain_number(*r.per_1000[i], format.decimal_mark));
    for (int i = 0; i < 4; ++i) f.push_back(hidden ? "" : display_rate(r, i, lang).value_or(""));
    f.push_back(r.carried_from ? std::to_string(*r.carried_from) : "");
    f.push_back(r.suppressed ? (lang == Lang::Nb ? "ja" : "yes") : "");
    f.push_back(r.suppression_reason);
    f.push_back(plain_number(r.coverage, format.decimal_mark));
    const bool aggregate = r.level == Level::Fylke || r.level == Level::Land || r.level == Level::KostraGruppe;
    f.push_back(aggregate && !r.direct ? std::to_string(r.members) : "");
    f.push_back(aggregate && !r.direct ? std::to_string(r.members_total) : "");
    f.push_back(thin_aggregate(r) ? r.aggregate_coverage.reason : "");
    std::string flags;
    for (const auto& fl : r.flags) flags += (flags.empty() ? "" : " ") + fl;
    f.push_back(flags);
    for (std::size_t i = 0; i < f.size(); ++i)
      out += (i ? std::string(1, format.delimiter) : "") + csv_field(f[i], format.delimiter);
    out += "\r\n";
  }
  return out;
}

namespace {

// Display width in code points (the names are UTF-8).
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  std::size_t n = width(s);
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

// "Publisert: M1 2,8, M2 2,4" / "Published: M1 2.8, M2 2.4".
std::string published_note(const Published& p, Lang lang) {
  std::string values;
  for (int i = 0; i < 4; ++i)
    if (p.per_1000[i])
      values += (values.empty() ? "M" : ", M") + std::to_string(i + 1) + " " + format_double(*p.per_1000[i], 1, lang);
  return (lang == Lang::Nb ? "Publisert: " : "Published: ") + values;
}

// "arsverk.csv:12" before a message, less what the message's own place already says: the line
// ("Linje 12, kolonne 5: …", "Ark1!D4: …"), or line and file ("Linje 12 i arsverk.csv: …", "Ark1,
// rad 12 i arsverk.xlsx: …").
std::string place(const Diagnostic& d) {
  if (d.line <= 0) return d.file;
  if (d.sheet.empty() && d.place_in_text == PlaceInText::None)
    return d.file + (d.file.empty() ? "" : ":") + std::to_string(d.line);
  const bool names_file = d.place_in_text == PlaceInText::CellOfFile && !d.file.empty();
  return names_file ? std::string() : d.file;
}

}  // namespace

std::string report_to_table(const Report& report, const Settings& settings) {
  const Lang lang = settings.lang;
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    const std::string text = d.text(lang);
    const std::string where = place(d);
    out += terminal_safe(std::string(to_string(d.severity)) + (where.empty() ? "" : " " + where) + ": " + text) + "\n";
  }
  if (!report.diagnostics.empty()) out += "\n";
  for (const PopulationUse& u : report.population_use) {
    auto units = [&](int n) {
      return std::to_string(n) + (lang == Lang::Nb ? (n == 1 ? " enhet" : " enheter") : (n == 1 ? " unit" : " units"));
    };
    out += lang == Lang::Nb
        ? "Befolkning for " + std::to_string(u.data_year) + ": 1. januar " + std::to_string(u.population_year) +
              " (" + units(u.from_embedded) + " fra innebygde SSB-tall, " + std::to_string(u.from_files) + " fra fil)\n"
        : "Population for " + std::to_string(u.data_year) + ": 1 January " + std::to_string(u.population_year) +
              " (" + units(u.from_embedded) + " from embedded SSB figures, " + std::to_string(u.from_files) +
              " from files)\n";
  }
  out += "\n";
  const std::vector<std::string> head = lang == Lang::Nb
      ? std::vector<std::string>{"År", "Nivå", "Kode", "Navn", "Befolkning", "M1", "M2", "M3", "M4", "Merknad"}
      : std::vector<std::string>{"Year", "Level", "Code", "Name", "Population", "M1", "M2", "M3", "M4", "Note"};
  std::vector<std::vector<std::string>> rows{head};
  for (const Result& r : report.results) {
    std::vector<std::string> row{std::to_string(r.year), to_string(r.level), r.code, r.name, format_int(r.population, lang)};
    const bool thin = thin_aggregate(r);
    for (int i = 0; i < 4; ++i)
      row.push_back(r.suppressed ? "-" : thin ? "–" : display_rate(r, i, lang).value_or("–"));
    std::string note;
    if (r.suppressed) note = lang == Lang::Nb ? "holdt utenfor visning" : "left out of display";
    if (thin)
      note = lang == Lang::Nb
          ? "bare " + std::to_string(r.members) + " av " + std::to_string(r.members_total) +
                " kommuner har tall: for få til et tall"
          : "figures for only " + std::to_string(r.members) + " of " + std::to_string(r.members_total) +
                " municipalities: too few for a figure";
    if (r.carried_from)
      note = (lang == Lang::Nb ? "videreført fra " : "carried from ") + std::to_string(*r.carried_from);
    if (r.coverage < 1.0)
      note += (note.empty() ? "" : "; ") + std::string(lang == Lang::Nb ? "dekning " : "coverage ") +
              format_double(r.coverage * 100, 1, lang) + " %";
    if (r.published) note += (note.empty() ? "" : "; ") + published_note(*r.published, lang);
    row.push_back(note);
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> w(head.size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], width(row[i]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool right = i == 4 || (i >= 5 && i <= 8);
      line += (i ? "  " : "") + pad(row[i], i + 1 == row.size() ? 0 : w[i], right);
    }
    out += terminal_safe(line) + "\n";
  }
  return out;
}

}  // namespace arsverk
