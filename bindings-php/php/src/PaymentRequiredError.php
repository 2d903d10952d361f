<?php

declare(strict_types=1);

namespace Zavudev;

/** The team's plan does not allow this (402, `paid_plan_required`). */
class PaymentRequiredError extends APIStatusError
{
}
