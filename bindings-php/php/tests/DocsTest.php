<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;

/** Every public method and property of the package has a PHPDoc comment, with types where PHP's own are `mixed`. */
final class DocsTest extends TestCase
{
    public function testEveryPublicMemberIsDocumented(): void
    {
        $missing = [];
        foreach (\glob(\dirname(__DIR__) . '/src/{,Internal/}*.php', \GLOB_BRACE) as $file) {
            $relative = \substr($file, \strlen(\dirname(__DIR__) . '/src/'), -4);
            if (!\ctype_upper($relative[0]) && !\str_starts_with($relative, 'Internal/')) {
                continue;
            }
            $class = new \ReflectionClass('Zavudev\\' . \str_replace('/', '\\', $relative));
            if ($class->getDocComment() === false) {
                $missing[] = $class->getName();
            }
            foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
                if ($method->getDeclaringClass()->getName() !== $class->getName()) {
                    continue;
                }
                $doc = $method->getDocComment();
                if ($doc === false && !\in_array($method->getName(), ['__construct', 'getIterator', 'count', 'jsonSerialize'], true)) {
                    $missing[] = "{$class->getName()}::{$method->getName()}()";
                    continue;
                }
                foreach ($method->getParameters() as $parameter) {
                    $type = (string) $parameter->getType();
                    if (($type === '' || $type === 'mixed') && !\str_contains((string) $doc, '$' . $parameter->getName())) {
                        $missing[] = "{$class->getName()}::{$method->getName()}() \${$parameter->getName()}";
                    }
                }
                if (!$method->hasReturnType() && !$method->isConstructor() && !\str_contains((string) $doc, '@return')) {
                    $missing[] = "{$class->getName()}::{$method->getName()}() return";
                }
            }
            foreach ($class->getProperties(\ReflectionProperty::IS_PUBLIC) as $property) {
                if ($property->getDeclaringClass()->getName() !== $class->getName() || $property->isPromoted()) {
                    continue;
                }
                if ($property->getDocComment() === false) {
                    $missing[] = "{$class->getName()}::\${$property->getName()}";
                }
            }
        }
        self::assertSame([], $missing);
    }
}
