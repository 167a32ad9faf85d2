# Debian package of the two executables, their desktop entry and icon:
#   cmake --build build && (cd build && cpack -G DEB)
# Dependencies are computed from the binaries by dpkg-shlibdeps.
install(FILES "${PROJECT_SOURCE_DIR}/installer/tessera.desktop" DESTINATION share/applications)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/tessera.svg" DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME "tessera")
set(CPACK_PACKAGE_VENDOR "Tessera")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Whole-slide viewer and spatially regularized MIL for computational pathology")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Tessera developers")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them: the SQLite driver plug-in, and the
# threaded BLAS without which LibTorch falls back to a 30x slower reference BLAS.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libopenblas0-pthread")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
