# Precompiled headers. Much of a file's compile time goes to parsing the same big headers again:
# a LibTorch file took 21–25 s on 2 cores, more than half of it in <torch/torch.h> (issue #27), and
# Qt Test with Qt Widgets is about 40 % of a test's. Each such set of headers is parsed once, in a
# provider target, and every file that needs it reuses that parse (REUSE_FROM).
#
# GCC accepts a precompiled header only where it was made with the same -fpic/-fpie setting and
# code-generation flags: a provider is a static library (-fPIC) for libraries and a program (-fPIE)
# for programs, and links what its users link (tessera_options included, so the sanitizer builds
# get their own). -Winvalid-pch on the users turns a silent fall-back to parsing the headers into
# a warning, an error in CI.
option(TESSERA_PCH "Precompile LibTorch's and Qt's headers once for the files that use them" ON)
set(TESSERA_PCH_DIR "${CMAKE_CURRENT_LIST_DIR}")

# tessera_add_pch(name STATIC|EXECUTABLE HEADERS <h>… LIBS <lib>…): a provider of precompiled headers.
function(tessera_add_pch name kind)
  cmake_parse_arguments(P "" "" "HEADERS;LIBS" ${ARGN})
  if(NOT TESSERA_PCH)
    return()
  endif()
  if(kind STREQUAL "STATIC")
    add_library(${name} STATIC "${TESSERA_PCH_DIR}/PchLibrary.cpp")
  else()
    add_executable(${name} "${TESSERA_PCH_DIR}/PchProgram.cpp")
  endif()
  target_link_libraries(${name} PRIVATE ${P_LIBS} tessera_options)
  target_precompile_headers(${name} PRIVATE ${P_HEADERS})
  set_target_properties(${name} PROPERTIES AUTOMOC OFF)
endfunction()

# tessera_use_pch(target provider [ONLY_SOURCES_WITH regex] [SKIP_SOURCES_WITH regex]): the sources
# of `target` reuse `provider`'s headers; with ONLY_SOURCES_WITH only those whose lines (or the
# lines of a header beside them that they include) match, without those SKIP_SOURCES_WITH matches.
function(tessera_use_pch target provider)
  cmake_parse_arguments(U "" "ONLY_SOURCES_WITH;SKIP_SOURCES_WITH" "" ${ARGN})
  if(NOT TESSERA_PCH)
    return()
  endif()
  target_precompile_headers(${target} REUSE_FROM ${provider})
  target_compile_options(${target} PRIVATE -Winvalid-pch)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_target_property(binary_dir ${target} BINARY_DIR)
  get_target_property(sources ${target} SOURCES)
  foreach(source IN LISTS sources)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" OUTPUT_VARIABLE path)
    set(skip FALSE)
    if(U_ONLY_SOURCES_WITH)
      _tessera_source_mentions("${path}" "${U_ONLY_SOURCES_WITH}" found)
      if(NOT found)
        set(skip TRUE)
      endif()
    endif()
    if(U_SKIP_SOURCES_WITH)
      _tessera_source_mentions("${path}" "${U_SKIP_SOURCES_WITH}" found)
      if(found)
        set(skip TRUE)
      endif()
    endif()
    if(skip)
      set_source_files_properties("${source}" TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
  endforeach()
  if(U_ONLY_SOURCES_WITH)
    # Qt's generated moc sources include neither.
    set_source_files_properties("${binary_dir}/${target}_autogen/mocs_compilation.cpp"
      TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  endif()
endfunction()

# True in `result` when a line of `file`, or of a header beside it that it includes, matches `regex`.
function(_tessera_source_mentions file regex result)
  file(STRINGS "${file}" lines REGEX "${regex}|#include \"")
  cmake_path(GET file PARENT_PATH dir)
  foreach(line IN LISTS lines)
    if(line MATCHES "${regex}")
      set(${result} TRUE PARENT_SCOPE)
      return()
    endif()
    if(NOT line MATCHES "#include \"([^\"]+)\"")
      continue()
    endif()
    set(header "${dir}/${CMAKE_MATCH_1}")
    if(EXISTS "${header}")
      file(STRINGS "${header}" header_lines REGEX "${regex}")
      if(header_lines)
        set(${result} TRUE PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
  set(${result} FALSE PARENT_SCOPE)
endfunction()

# LibTorch: only the sources that include it (the nets' and the training checkpoint's headers
# do); loading 780 MB of parsed headers costs any other file about 4 s.
tessera_add_pch(tessera_torch_pch STATIC HEADERS <torch/torch.h> LIBS Qt6::Core ${TORCH_LIBRARIES})
tessera_add_pch(tessera_torch_pch_program EXECUTABLE HEADERS <torch/torch.h> LIBS Qt6::Core ${TORCH_LIBRARIES})
set(TESSERA_TORCH_INCLUDE "#include <(torch|ATen|c10)/")
function(tessera_use_torch_pch target)
  get_target_property(type ${target} TYPE)
  set(provider tessera_torch_pch)
  if(type STREQUAL "EXECUTABLE")
    set(provider tessera_torch_pch_program)
  endif()
  tessera_use_pch(${target} ${provider} ONLY_SOURCES_WITH "${TESSERA_TORCH_INCLUDE}")
endfunction()

# Qt's keywords (signals, slots) are off in the precompiled Qt headers, as everywhere in Tessera;
# the files that include qcustomplot.h turn them on first, so they parse their own.
set(TESSERA_NEEDS_QT_KEYWORDS "#undef QT_NO_KEYWORDS")
