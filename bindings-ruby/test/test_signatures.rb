# frozen_string_literal: true

# sig/ (RBS) declares every public method the gem defines, with the same parameter kinds.

require_relative "test_helper"
require "rbs"
require "pathname"

class TestSignatures < Minitest::Test
  CLASSES = [
    Zavudev::Client, Zavudev::Resources::Invitations, Zavudev::Resources::PhoneNumbers,
    Zavudev::Resources::Senders, Zavudev::Page, Zavudev::Webhooks, Zavudev::ZavudevError,
    Zavudev::Models::Base, Zavudev::Models::Invitation, Zavudev::Models::PhoneNumber,
    Zavudev::Models::PhoneNumberPricing, Zavudev::Models::Sender, Zavudev::Models::WebhookConfig,
    Zavudev::Models::WebhookEvent, Zavudev::Models::InvitationStatusChangedData,
    Zavudev::Models::ConnectedAccount, Zavudev::Native::Client, Zavudev::Native::Page, Zavudev::Native::Pager
  ].freeze

  def builder
    loader = RBS::EnvironmentLoader.new
    loader.add(path: Pathname(File.expand_path("../sig", __dir__)))
    env = RBS::Environment.from_loader(loader).resolve_type_names
    RBS::DefinitionBuilder.new(env: env)
  end

  def type_name(klass)
    *namespace, name = klass.name.split("::")
    RBS::TypeName.new(name: name.to_sym, namespace: RBS::Namespace.new(path: namespace.map(&:to_sym), absolute: true))
  end

  def test_every_public_method_is_declared
    rbs = builder
    missing = []
    CLASSES.each do |klass|
      declared = rbs.build_instance(type_name(klass)).methods
      own = klass.public_instance_methods(false) - Object.public_instance_methods(false)
      own.each do |name|
        missing << "#{klass}##{name}" unless declared.key?(name)
      end
      klass.singleton_methods(false).each do |name|
        next if name == :new && klass.name.start_with?("Zavudev::Native")

        singleton = rbs.build_singleton(type_name(klass)).methods
        missing << "#{klass}.#{name}" unless singleton.key?(name)
      end
    end
    assert_empty missing, "not declared in sig/"
  end

  def test_keyword_parameters_match
    rbs = builder
    mismatched = []
    [Zavudev::Resources::Invitations, Zavudev::Resources::PhoneNumbers, Zavudev::Resources::Senders,
     Zavudev::Webhooks].each do |klass|
      declared = rbs.build_instance(type_name(klass)).methods
      klass.public_instance_methods(false).each do |name|
        ruby_positional = klass.instance_method(name).parameters.count { |kind, _| %i[req opt].include?(kind) }
        type = declared.fetch(name).method_types.first.type
        rbs_positional = type.required_positionals.size + type.optional_positionals.size
        mismatched << "#{klass}##{name}: #{ruby_positional} positional in Ruby, #{rbs_positional} in sig" if ruby_positional != rbs_positional
      end
    end
    assert_empty mismatched
  end
end
