import Foundation
import OCOPKit
import Terminal

Ocop.main(CommandLine.arguments.dropFirst().map { $0 })
