/** A label of the example bank: a trigger reason, a policy topic, a routing hint, or one of the negatives below. */
export type ExampleLabel = string;
