#include "arsverk/model.hpp"

#include "arsverk/registers.hpp"

namespace arsverk {

const char* to_string(Level level) {
  switch (level) {
    case Level::Kommune: return "kommune";
    case Level::Bydel: return "bydel";
    case Level::Fylke: return "fylke";
    case Level::Land: return "land";
    case Level::KostraGruppe: return "kostragruppe";
  }
  return "";
}

std::optional<Level> level_of_code(std::string_view code) {
  if (kostra_group_number(code)) return Level::KostraGruppe;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  switch (code.size()) {
    case 1: return code == "0" ? std::optional<Level>(Level::Land) : std::nullopt;
    case 2: return Level::Fylke;
    case 4: return Level::Kommune;
    case 6: return Level::Bydel;
    default: return std::nullopt;
  }
}

const char* to_string(Schema schema) { return schema == Schema::S2024 ? "2024" : "2015"; }

const char* to_string(TargetGroup group) {
  switch (group) {
    case TargetGroup::Adults: return "voksne";
    case TargetGroup::Children: return "barn_og_unge";
    case TargetGroup::Unspecified: return "";
  }
  return "";
}

const char* to_string(Category c) {
  static const char* const names[kCategoryCount] = {
      "a", "b", "c", "d", "e", "M1", "M2", "M3", "M4",
      "ingen", "annen_vgs", "vgs_helse", "hoy_uten", "hoy_med", "totalt"};
  return names[static_cast<int>(c)];
}

std::optional<Schema> schema_of(Category c) {
  if (c == Category::Total) return std::nullopt;
  return static_cast<int>(c) <= static_cast<int>(Category::E) ? Schema::S2024 : Schema::S2015;
}

const EducationParts& education_parts_of(Schema schema) {
  using C = Category;
  static const EducationParts s2024{{{{C::B}, {C::A}, {C::D}, {C::C, C::E}}}, {{{1, 0, 2, 3}, {1, 0}, {0}, {2}}}};
  static const EducationParts s2015{{{{C::HoyMed}, {C::HoyUten}, {C::VgsHelse}, {C::AnnenVgs, C::Ingen}}},
                                    {{{0, 1, 2, 3}, {0, 1, 2}, {0, 1}, {0}}}};
  return schema == Schema::S2024 ? s2024 : s2015;
}

const char* to_string(FileKind kind) {
  switch (kind) {
    case FileKind::Arsverk: return "arsverk";
    case FileKind::Population: return "befolkning";
    case FileKind::Reference: return "referanse";
    case FileKind::Unknown: return "unknown";
  }
  return "unknown";
}

std::set<int> ParsedFile::years() const {
  std::set<int> out;
  for (const auto& v : arsverk) out.insert(v.year);
  for (const auto& r : reference) out.insert(r.year);
  for (const auto& p : population) out.insert(p.first.second);
  return out;
}

std::size_t ParsedFile::unit_count() const {
  std::set<std::string> units;
  for (const auto& v : arsverk) units.insert(v.unit);
  for (const auto& r : reference) units.insert(r.unit);
  for (const auto& p : population) units.insert(p.first.first);
  return units.size();
}

namespace {

// Words that turn a following "demens" into the opposite: «Psykisk helse ekskl. demens».
bool is_negation(const std::string& word) {
  static const char* const words[] = {"ekskl", "eksklusive", "eksklusiv", "unntatt", "uten",
                                      "utenom", "unntak", "ikke", "excl", "excluding", "exclusive",
                                      "except", "without", "not", "no"};
  for (const char* w : words)
    if (word == w) return true;
  return false;
}

bool names_excluded_work(const std::string& word) {
  static const char* const markers[] = {
      "primaerforebygg", "generellforebygg", "primaryprevent", "generalprevent",
      "demens", "dementia",
      "utviklingshemm", "intellectualdisab", "learningdisab"};
  for (const char* m : markers)
    if (word.find(m) != std::string::npos) return true;
  return false;
}

}  // namespace

ServiceScope service_scope(std::string_view service) {
  // Word by word, so a marker after "ekskl."/"uten"/"unntatt" counts as excluded from the
  // service, not as the service.
  bool negated = false, mentioned = false;
  std::size_t start = 0;
  while (start <= service.size()) {
    std::size_t end = service.find_first_of(" \t,.;:()/-&+", start);
    if (end == std::string_view::npos) end = service.size();
    const std::string word = normalise_name(service.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    if (is_negation(word)) negated = true;
    else if (names_excluded_work(word)) {
      if (!negated) return ServiceScope::OutOfScope;
      mentioned = true;
    }
  }
  // A marker of two words ("Generell forebygging") is only found in the whole text.
  if (!mentioned && names_excluded_work(normalise_name(service)))
    return negated ? ServiceScope::ExclusionNegated : ServiceScope::OutOfScope;
  return mentioned ? ServiceScope::ExclusionNegated : ServiceScope::InScope;
}

bool service_out_of_scope(std::string_view service) {
  return service_scope(service) == ServiceScope::OutOfScope;
}

}  // namespace arsverk
