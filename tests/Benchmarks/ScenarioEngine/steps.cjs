// cucumber-js step definitions equivalent to BenchBindings/CounterSteps.cs.
const { Given, When, Then } = require('@cucumber/cucumber');

Given('a counter at {int}', function (start) { this.counter = start; });
When('the counter is increased by {int}', function (by) { this.counter += by; });
Then('the counter equals {int}', function (expected) {
  if (this.counter !== expected) throw new Error(`expected ${expected} but was ${this.counter}`);
});
Then('the counter is positive', function () {
  if (!(this.counter > 0)) throw new Error(`expected a positive counter but was ${this.counter}`);
});
