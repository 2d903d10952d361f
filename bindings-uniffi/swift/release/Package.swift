// swift-tools-version:5.9
// The form of Package.swift a release publishes (at the root of the Swift package's repository,
// beside Sources/ZavuSDK copied from ../Sources/ZavuSDK): the C module and the Rust library come
// as one prebuilt XCFramework downloaded from the GitHub release, so an app needs no Rust.
// The release workflow (.github/workflows/release.yml, job swift-xcframework) builds the zip with
// build-xcframework.sh on macOS and writes its checksum below; the version in the URL is the
// workspace's (scripts/versions.py keeps it equal). Never built here: no Swift compiler on Linux.
import PackageDescription

let package = Package(
    name: "ZavuSDK",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "ZavuSDK", targets: ["ZavuSDK"]),
    ],
    targets: [
        .binaryTarget(
            name: "zavu_uniffiFFI",
            url: "https://github.com/zavudev/zavu-sdk-hub/releases/download/v0.1.0/zavu_uniffiFFI.xcframework.zip",
            checksum: "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        .target(name: "ZavuSDK", dependencies: ["zavu_uniffiFFI"], path: "Sources/ZavuSDK"),
    ]
)
