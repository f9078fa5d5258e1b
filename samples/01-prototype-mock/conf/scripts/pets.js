// Mock data and behaviour shared by the Pet Store's prototype resources.
// Loaded through the local entry "petsScript"; each resource calls one function with mc.

var PETS = [
  { id: 1, name: "Rex", category: "dog", status: "available" },
  { id: 2, name: "Tom", category: "cat", status: "sold" },
  { id: 3, name: "Nemo", category: "fish", status: "available" }
];

// GET /pets?status=...&limit=...
function listPets(mc) {
  var status = mc.getProperty('query.param.status');
  var limit = parseInt(mc.getProperty('query.param.limit') || "10", 10);
  var found = PETS.filter(function (p) { return status == null || p.status == status; });
  mc.setProperty('CONTENT_TYPE', 'application/json');
  mc.setPayloadJSON({ count: Math.min(found.length, limit), pets: found.slice(0, limit) });
}

// POST /pets: echoes the new pet with an id and a normalised name, 201 Created.
function addPet(mc) {
  var pet = mc.getPayloadJSON();
  if (pet == null || !pet.name) {
    mc.setProperty('HTTP_SC', '400');
    mc.setPayloadJSON({ code: 400, message: "a pet needs a name" });
    return;
  }
  pet.id = 100 + pet.name.length;
  pet.name = pet.name.charAt(0).toUpperCase() + pet.name.substring(1).toLowerCase();
  pet.status = pet.status || "available";
  mc.setProperty('HTTP_SC', '201');
  mc.setHeader('Location', '/petstore/v1/pets/' + pet.id);
  mc.setPayloadJSON(pet);
}
